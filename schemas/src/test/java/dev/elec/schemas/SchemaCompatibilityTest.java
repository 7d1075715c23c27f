package dev.elec.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every current schema reads every published version (backward) and every version reads it (forward). */
class SchemaCompatibilityTest {

    static Stream<Arguments> currentSchemas() {
        return Stream.of(AvroSerde.impressions(), AvroSerde.clicks(), AvroSerde.scores(), AvroSerde.labeledSamples(),
                AvroSerde.modelUpdates(), AvroSerde.deadLetters()).map(serde -> Arguments.of(serde.schema().getName(), serde.schema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void newestHistoryVersionIsTheCurrentSchema(String name, Schema current) {
        List<Schema> versions = SchemaHistory.versions(name);
        Schema newest = versions.get(versions.size() - 1);
        assertEquals(SchemaHistory.hex(SchemaHistory.fingerprint(current)), SchemaHistory.hex(SchemaHistory.fingerprint(newest)),
                name + " changed without a new schema-history/" + name + "/v" + (versions.size() + 1) + ".avsc");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void currentIsBackwardAndForwardCompatibleWithEveryVersion(String name, Schema current) {
        List<Schema> versions = SchemaHistory.versions(name);
        for (int v = 0; v < versions.size(); v++) {
            Schema old = versions.get(v);
            assertCompatible(current, old, name + ": current cannot read v" + (v + 1));
            assertCompatible(old, current, name + ": v" + (v + 1) + " cannot read current");
        }
    }

    private static void assertCompatible(Schema reader, Schema writer, String what) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertEquals(SchemaCompatibilityType.COMPATIBLE, result.getType(), what + ": " + result.getDescription());
    }
}

package dev.elec.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.elec.avro.ModelUpdate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** A message from a writer that still uses an older schema version decodes into the current class. */
class SchemaEvolutionTest {
    /** ModelUpdate as it would have been before "metrics" (which has a default) was added. */
    private static final Schema MODEL_UPDATE_V0 = SchemaBuilder.record("ModelUpdate").namespace("dev.elec.avro")
            .fields()
            .requiredString("modelVersion")
            .requiredString("bundleUri")
            .requiredString("sha256")
            .requiredString("featureSpecHash")
            .name("createdAt").type(timestampMillis()).noDefault()
            .endRecord();

    @Test
    void oldWriterWithoutDefaultedFieldDecodesWithTheDefault() throws Exception {
        GenericRecord old = new GenericData.Record(MODEL_UPDATE_V0);
        old.put("modelVersion", "m-1");
        old.put("bundleUri", "file:/registry/m-1");
        old.put("sha256", "00ff");
        old.put("featureSpecHash", "ab12");
        old.put("createdAt", TestRecords.T0.toEpochMilli());
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), MODEL_UPDATE_V0).encode(old).array();
        AvroSerde<ModelUpdate> serde = new AvroSerde<>(ModelUpdate.getClassSchema(), ModelUpdate.getEncoder(),
                ModelUpdate::createDecoder, List.of(MODEL_UPDATE_V0));

        ModelUpdate decoded = serde.deserialize(bytes);

        assertEquals("m-1", decoded.getModelVersion());
        assertEquals(TestRecords.T0, decoded.getCreatedAt());
        assertEquals(Map.of(), decoded.getMetrics());
        assertEquals(SchemaCompatibilityType.COMPATIBLE, SchemaCompatibility
                .checkReaderWriterCompatibility(ModelUpdate.getClassSchema(), MODEL_UPDATE_V0).getType());
    }

    @Test
    void oldWriterIsUnknownToASerdeWithoutThatVersion() throws Exception {
        GenericRecord old = new GenericData.Record(MODEL_UPDATE_V0);
        old.put("modelVersion", "m-1");
        old.put("bundleUri", "b");
        old.put("sha256", "s");
        old.put("featureSpecHash", "h");
        old.put("createdAt", 0L);
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), MODEL_UPDATE_V0).encode(old).array();

        RecordDecodeException e = assertThrows(RecordDecodeException.class,
                () -> AvroSerde.modelUpdates().deserialize(bytes));
        assertEquals(DecodeFailure.UNKNOWN_SCHEMA, e.reason());
    }

    private static Schema timestampMillis() {
        Schema schema = Schema.create(Schema.Type.LONG);
        return org.apache.avro.LogicalTypes.timestampMillis().addToSchema(schema);
    }
}

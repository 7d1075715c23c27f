package dev.elec.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every published version of a record schema, read from the classpath at
 * {@code schema-history/<RecordName>/v1.avsc, v2.avsc, ...} (self-contained schemas, no named references).
 * Changing a schema in {@code src/main/avro} means adding the next {@code vN.avsc}: the compatibility tests
 * check that the newest one equals the current schema, so that readers keep decoding older writers.
 */
public final class SchemaHistory {
    private static final String ROOT = "schema-history/";

    private SchemaHistory() {
    }

    /** Versions of the record with this simple name (e.g. {@code "Impression"}), oldest first; never empty. */
    public static List<Schema> versions(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            String resource = ROOT + recordName + "/v" + v + ".avsc";
            try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    break;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema history resource " + resource, e);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("No schema history for " + recordName + ": expected classpath resource "
                    + ROOT + recordName + "/v1.avsc");
        }
        return List.copyOf(versions);
    }

    /** The 64-bit Rabin fingerprint of the schema's parsing canonical form, as single-object encoding writes it. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    static String hex(long fingerprint) {
        return String.format("0x%016x", fingerprint);
    }
}

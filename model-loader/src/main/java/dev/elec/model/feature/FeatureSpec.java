package dev.elec.model.feature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ordered encoded fields and the LLM text fields: what turns raw values into the id row the
 * networks read and into the text the LLM reads. Immutable and thread-safe. Ids are global: each
 * field's offset into the single embedding table is already added.
 */
public final class FeatureSpec {
    private static final ObjectMapper CANONICAL =
            JsonMapper.builder()
                    .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .build();

    private final String version;
    private final List<FieldSpec> fields;
    private final List<TextField> textFields;
    private final FieldSpec.Encoder[] encoders;
    private final int numSlots;
    private final int vocabularySize;
    private final String hash;

    public FeatureSpec(String version, List<FieldSpec> fields, List<TextField> textFields) {
        this.version = Objects.requireNonNull(version, "version");
        this.fields = List.copyOf(fields);
        this.textFields = List.copyOf(textFields);
        if (this.fields.isEmpty()) {
            throw new IllegalArgumentException("feature spec " + version + " has no fields");
        }
        Set<String> keys = new HashSet<>();
        for (FieldSpec field : this.fields) {
            if (!keys.add(field.key())) {
                throw new IllegalArgumentException("feature spec " + version + ": duplicate field " + field.key());
            }
        }
        encoders = new FieldSpec.Encoder[this.fields.size()];
        int offset = 0;
        int slots = 0;
        for (int i = 0; i < encoders.length; i++) {
            FieldSpec field = this.fields.get(i);
            encoders[i] = field.encoder(offset);
            offset += field.cardinality();
            slots += field.slots();
        }
        numSlots = slots;
        vocabularySize = offset;
        hash = sha256(canonicalJson(new Content(version, this.fields, this.textFields)));
    }

    /** The default spec over the keys of {@link FeatureKeys}. */
    public static FeatureSpec defaults() {
        return DefaultFeatureSpec.create();
    }

    public String version() {
        return version;
    }

    /** sha256 (hex) of the canonical JSON of version, fields and text fields. */
    public String hash() {
        return hash;
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    public List<TextField> textFields() {
        return textFields;
    }

    /** Width of an encoded row. */
    public int numSlots() {
        return numSlots;
    }

    /** Rows of the single embedding table. */
    public int vocabularySize() {
        return vocabularySize;
    }

    public int[] encode(Map<String, String> values) {
        int[] row = new int[numSlots];
        encodeInto(values, row, 0);
        return row;
    }

    /** Writes one row of {@link #numSlots()} global ids into {@code out} starting at {@code offset}. */
    public void encodeInto(Map<String, String> values, int[] out, int offset) {
        int at = offset;
        for (int i = 0; i < encoders.length; i++) {
            FieldSpec field = fields.get(i);
            encoders[i].encodeInto(values.get(field.key()), out, at);
            at += field.slots();
        }
    }

    /** The whole row as text, segments in the order of {@link #textFields()}. */
    public String text(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (TextField field : textFields) {
            field.appendSentence(values.get(field.key()), out);
        }
        return out.toString();
    }

    /** One segment of the row as text (empty when all its values are missing). */
    public String text(Map<String, String> values, TextSegment segment) {
        StringBuilder out = new StringBuilder();
        for (TextField field : textFields) {
            if (field.segment() == segment) {
                field.appendSentence(values.get(field.key()), out);
            }
        }
        return out.toString();
    }

    public String toJson() {
        try {
            return CANONICAL
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(new Stored(version, hash, fields, textFields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize feature spec " + version, e);
        }
    }

    /** Parses {@link #toJson()} output; rejects a document whose stored hash does not match. */
    public static FeatureSpec fromJson(String json) {
        Stored stored;
        try {
            stored = CANONICAL.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid feature spec JSON: " + e.getOriginalMessage(), e);
        }
        FeatureSpec spec = new FeatureSpec(stored.version(), stored.fields(), stored.textFields());
        if (stored.hash() != null && !stored.hash().equals(spec.hash())) {
            throw new IllegalArgumentException(
                    "feature spec " + stored.version() + ": stored hash " + stored.hash() + " != content hash " + spec.hash());
        }
        return spec;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSpec other && other.hash.equals(hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureSpec[" + version + ", " + fields.size() + " fields, " + numSlots + " slots, hash " + hash + "]";
    }

    private static String canonicalJson(Content content) {
        try {
            return CANONICAL.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize feature spec " + content.version(), e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private record Content(String version, List<FieldSpec> fields, List<TextField> textFields) {}

    private record Stored(String version, String hash, List<FieldSpec> fields, List<TextField> textFields) {}
}

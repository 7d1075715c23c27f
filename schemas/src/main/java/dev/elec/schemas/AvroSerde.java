package dev.elec.schemas;

import dev.elec.avro.Click;
import dev.elec.avro.DeadLetter;
import dev.elec.avro.Impression;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.ModelUpdate;
import dev.elec.avro.Score;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;

/**
 * Single-object encoding ({@code C3 01} + 8-byte schema fingerprint + Avro binary) of one record type.
 * Decoding accepts every version in {@link SchemaHistory} and resolves it to the current (generated) schema;
 * anything else fails with a {@link RecordDecodeException} naming what was wrong. Thread-safe.
 * Serializable (it re-creates itself by record name), so it can travel inside Flink functions.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final String recordName;
    private final transient Schema schema;
    private final transient BinaryMessageEncoder<T> encoder;
    private final transient BinaryMessageDecoder<T> decoder;
    private final transient SchemaStore.Cache knownVersions;
    private final transient String knownFingerprints;

    private AvroSerde(Schema schema, BinaryMessageEncoder<T> encoder,
                      Function<SchemaStore, BinaryMessageDecoder<T>> decoderFactory) {
        this(schema, encoder, decoderFactory, SchemaHistory.versions(schema.getName()));
    }

    /** With an explicit history instead of the classpath one (tests of schema evolution). */
    AvroSerde(Schema schema, BinaryMessageEncoder<T> encoder,
              Function<SchemaStore, BinaryMessageDecoder<T>> decoderFactory, List<Schema> history) {
        this.recordName = schema.getName();
        this.schema = schema;
        this.encoder = encoder;
        SchemaStore.Cache store = new SchemaStore.Cache();
        Set<Long> fingerprints = new LinkedHashSet<>();
        for (Schema version : history) {
            store.addSchema(version);
            fingerprints.add(SchemaHistory.fingerprint(version));
        }
        store.addSchema(schema);
        fingerprints.add(SchemaHistory.fingerprint(schema));
        this.knownVersions = store;
        this.knownFingerprints = fingerprints.stream().map(SchemaHistory::hex).collect(Collectors.joining(", "));
        this.decoder = decoderFactory.apply(store);
    }

    public static AvroSerde<Impression> impressions() {
        return new AvroSerde<>(Impression.getClassSchema(), Impression.getEncoder(), Impression::createDecoder);
    }

    public static AvroSerde<Click> clicks() {
        return new AvroSerde<>(Click.getClassSchema(), Click.getEncoder(), Click::createDecoder);
    }

    public static AvroSerde<Score> scores() {
        return new AvroSerde<>(Score.getClassSchema(), Score.getEncoder(), Score::createDecoder);
    }

    public static AvroSerde<LabeledSample> labeledSamples() {
        return new AvroSerde<>(LabeledSample.getClassSchema(), LabeledSample.getEncoder(), LabeledSample::createDecoder);
    }

    public static AvroSerde<ModelUpdate> modelUpdates() {
        return new AvroSerde<>(ModelUpdate.getClassSchema(), ModelUpdate.getEncoder(), ModelUpdate::createDecoder);
    }

    public static AvroSerde<DeadLetter> deadLetters() {
        return new AvroSerde<>(DeadLetter.getClassSchema(), DeadLetter.getEncoder(), DeadLetter::createDecoder);
    }

    /** The current (reader and writer) schema. */
    public Schema schema() {
        return schema;
    }

    public byte[] serialize(T record) {
        Objects.requireNonNull(record, () -> "Cannot serialize a null " + recordName);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            encoder.encode(record, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize " + recordName, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot serialize " + recordName + " " + record + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    public T deserialize(byte[] bytes) throws RecordDecodeException {
        Schema writer = writerSchema(bytes);
        try {
            checkBody(bytes, writer);
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            if (causedByEndOfInput(e)) {
                throw new RecordDecodeException(DecodeFailure.TRUNCATED, "message of " + bytes.length
                        + " bytes ends before a complete " + recordName + " was read", e);
            }
            throw new RecordDecodeException(DecodeFailure.CORRUPT, "message of " + bytes.length
                    + " bytes is not a valid " + recordName + ": " + e, e);
        }
    }

    /**
     * Walks the body with the writer schema before decoding it. Skipping never allocates, whereas decoding a
     * corrupt length (say 2 GB for a string) would allocate it before noticing that the bytes are not there.
     */
    private void checkBody(byte[] bytes, Schema writer) throws IOException, RecordDecodeException {
        BinaryDecoder body = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null);
        GenericDatumReader.skip(writer, body);
        if (!body.isEnd()) {
            throw new RecordDecodeException(DecodeFailure.CORRUPT, "unexpected bytes after a complete " + recordName
                    + " in a message of " + bytes.length + " bytes");
        }
    }

    /** Checks the single-object header and returns the writer schema its fingerprint names. */
    private Schema writerSchema(byte[] bytes) throws RecordDecodeException {
        if (bytes == null || bytes.length == 0) {
            throw new RecordDecodeException(DecodeFailure.EMPTY,
                    "no bytes where a single-object encoded " + recordName + " was expected");
        }
        if (bytes[0] != MARKER_0 || (bytes.length > 1 && bytes[1] != MARKER_1)) {
            throw new RecordDecodeException(DecodeFailure.NOT_SINGLE_OBJECT, "message starts with "
                    + hexPrefix(bytes) + ", not the Avro single-object marker C3 01; expected a " + recordName);
        }
        if (bytes.length < HEADER_LENGTH) {
            throw new RecordDecodeException(DecodeFailure.TRUNCATED, "message of " + bytes.length
                    + " bytes is shorter than the 10-byte single-object header; expected a " + recordName);
        }
        long fingerprint = 0;
        for (int i = HEADER_LENGTH - 1; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (bytes[i] & 0xFF);
        }
        Schema writer = knownVersions.findByFingerprint(fingerprint);
        if (writer == null) {
            throw new RecordDecodeException(DecodeFailure.UNKNOWN_SCHEMA, "writer schema fingerprint "
                    + SchemaHistory.hex(fingerprint) + " is not a known version of " + schema.getFullName()
                    + " (known: " + knownFingerprints + ")");
        }
        return writer;
    }

    private static boolean causedByEndOfInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private static String hexPrefix(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 2); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i]));
        }
        return sb.toString();
    }

    private Object readResolve() throws ObjectStreamException {
        switch (recordName) {
            case "Impression": return impressions();
            case "Click": return clicks();
            case "Score": return scores();
            case "LabeledSample": return labeledSamples();
            case "ModelUpdate": return modelUpdates();
            case "DeadLetter": return deadLetters();
            default: throw new java.io.InvalidObjectException("No AvroSerde for record " + recordName);
        }
    }

    @Override
    public String toString() {
        return "AvroSerde[" + recordName + "]";
    }
}

package dev.elec.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elec.avro.Click;
import dev.elec.avro.DeadLetter;
import dev.elec.avro.Impression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {
    private final AvroSerde<Click> clicks = AvroSerde.clicks();

    static Stream<Arguments> everyRecordType() {
        return Stream.of(
                Arguments.of(AvroSerde.impressions(), TestRecords.impression()),
                Arguments.of(AvroSerde.clicks(), TestRecords.click()),
                Arguments.of(AvroSerde.scores(), TestRecords.score()),
                Arguments.of(AvroSerde.labeledSamples(), TestRecords.labeledSample()),
                Arguments.of(AvroSerde.modelUpdates(), TestRecords.modelUpdate()),
                Arguments.of(AvroSerde.deadLetters(), TestRecords.deadLetter()));
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    <T extends SpecificRecord> void roundTripsWithSingleObjectHeader(AvroSerde<T> serde, T record) throws Exception {
        byte[] bytes = serde.serialize(record);

        assertEquals((byte) 0xC3, bytes[0]);
        assertEquals((byte) 0x01, bytes[1]);
        assertEquals(record, serde.deserialize(bytes));
    }

    @Test
    void emptyOrNullIsEmpty() {
        assertFailure(DecodeFailure.EMPTY, new byte[0]);
        assertFailure(DecodeFailure.EMPTY, null);
    }

    @Test
    void plainTextIsNotSingleObject() {
        RecordDecodeException e = assertFailure(DecodeFailure.NOT_SINGLE_OBJECT, "{\"clickId\":1}".getBytes());
        assertTrue(e.getMessage().contains("7B 22"), e.getMessage());
        assertTrue(e.getMessage().contains("Click"), e.getMessage());
    }

    @Test
    void unknownFingerprintNamesItAndTheExpectedSchema() {
        byte[] bytes = clicks.serialize(TestRecords.click());
        Arrays.fill(bytes, 2, 10, (byte) 0x11);

        RecordDecodeException e = assertFailure(DecodeFailure.UNKNOWN_SCHEMA, bytes);
        assertTrue(e.getMessage().contains("0x1111111111111111"), e.getMessage());
        assertTrue(e.getMessage().contains("dev.elec.avro.Click"), e.getMessage());
    }

    @Test
    void recordOfAnotherTypeIsUnknownSchema() {
        byte[] score = AvroSerde.scores().serialize(TestRecords.score());
        assertFailure(DecodeFailure.UNKNOWN_SCHEMA, score);
    }

    @Test
    void everyTruncationIsTruncated() {
        AvroSerde<Impression> impressions = AvroSerde.impressions();
        byte[] bytes = impressions.serialize(TestRecords.impression());
        for (int length = 1; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            RecordDecodeException e = assertThrows(RecordDecodeException.class,
                    () -> impressions.deserialize(truncated));
            assertEquals(DecodeFailure.TRUNCATED, e.reason(), "length " + length + ": " + e.getMessage());
        }
    }

    @Test
    void trailingBytesAreCorrupt() {
        byte[] bytes = clicks.serialize(TestRecords.click());
        assertFailure(DecodeFailure.CORRUPT, Arrays.copyOf(bytes, bytes.length + 3));
    }

    @Test
    void unionIndexOutOfRangeIsCorrupt() {
        AvroSerde<DeadLetter> deadLetters = AvroSerde.deadLetters();
        DeadLetter letter = TestRecords.deadLetter();
        letter.setPayload(null);
        letter.setFailedAt(Instant.EPOCH);
        byte[] bytes = deadLetters.serialize(letter);
        bytes[bytes.length - 2] = 0x0A; // payload's union branch (zig-zag 5); the last byte is failedAt = 0

        RecordDecodeException e = assertThrows(RecordDecodeException.class, () -> deadLetters.deserialize(bytes));
        assertEquals(DecodeFailure.CORRUPT, e.reason(), e.getMessage());
    }

    @Test
    void hugeLengthFailsWithoutAllocatingIt() {
        byte[] bytes = clicks.serialize(TestRecords.click());
        byte[] twoGigabytes = {(byte) 0x80, (byte) 0xD0, (byte) 0xAC, (byte) 0xF3, 0x0E}; // zig-zag varint of 2e9
        System.arraycopy(twoGigabytes, 0, bytes, 10, twoGigabytes.length);
        assertFailure(DecodeFailure.TRUNCATED, bytes);
    }

    @Test
    void serdeSurvivesJavaSerialization() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(AvroSerde.impressions());
        }
        @SuppressWarnings("unchecked")
        AvroSerde<Impression> copy = (AvroSerde<Impression>) new ObjectInputStream(
                new ByteArrayInputStream(buffer.toByteArray())).readObject();

        Impression impression = TestRecords.impression();
        assertEquals(impression, copy.deserialize(copy.serialize(impression)));
    }

    @Test
    void oneSerdeIsSharedByThreads() throws Exception {
        AvroSerde<Impression> shared = AvroSerde.impressions();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        Impression in = TestRecords.impression();
                        in.setImpressionId("imp-" + thread + "-" + i);
                        byte[] bytes = shared.serialize(in);
                        if (!in.equals(shared.deserialize(bytes))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameRecordGivesSameBytes() {
        assertArrayEquals(clicks.serialize(TestRecords.click()), clicks.serialize(TestRecords.click()));
    }

    private RecordDecodeException assertFailure(DecodeFailure expected, byte[] bytes) {
        RecordDecodeException e = assertThrows(RecordDecodeException.class, () -> clicks.deserialize(bytes));
        assertEquals(expected, e.reason(), e.getMessage());
        return e;
    }
}

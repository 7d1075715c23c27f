package dev.elec.job.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.job.TestEvents;
import dev.elec.schemas.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventDecoderTest {

    private static final long NOW = TestEvents.T0.toEpochMilli();
    private final EventDecoder decoder = new EventDecoder(Duration.ofHours(1));

    @Test
    void decodesValidEvents() {
        Impression imp = TestEvents.impression("i1", "u1", "m1", TestEvents.T0);
        DecodeOutcome<Impression> outcome = decoder.impression(AvroSerde.impressions().serialize(imp), NOW);
        assertTrue(outcome.isOk());
        assertEquals(imp, outcome.event());
        Click click = TestEvents.click("i1", "u1", "m1", TestEvents.T0);
        assertEquals(click, decoder.click(AvroSerde.clicks().serialize(click), NOW).event());
    }

    @Test
    void badBytesGetTheSerdesReason() {
        byte[] good = AvroSerde.impressions().serialize(TestEvents.impression("i1", "u1", "m1", TestEvents.T0));
        assertEquals(DeadLetterReason.EMPTY, decoder.impression(new byte[0], NOW).reason());
        assertEquals(DeadLetterReason.EMPTY, decoder.impression(null, NOW).reason());
        assertEquals(DeadLetterReason.NOT_SINGLE_OBJECT, decoder.impression("garbage".getBytes(), NOW).reason());
        assertEquals(DeadLetterReason.TRUNCATED, decoder.impression(Arrays.copyOf(good, good.length - 5), NOW).reason());
        byte[] click = AvroSerde.clicks().serialize(TestEvents.click("i1", "u1", "m1", TestEvents.T0));
        assertEquals(DeadLetterReason.UNKNOWN_SCHEMA, decoder.impression(click, NOW).reason(), "a click on the impressions topic");
    }

    @Test
    void invalidEventsAreRejectedWithAReason() {
        Impression noUser = TestEvents.impression("i1", "", "m1", TestEvents.T0);
        assertEquals(DeadLetterReason.MISSING_ID, decoder.impression(AvroSerde.impressions().serialize(noUser), NOW).reason());
        Impression future = TestEvents.impression("i1", "u1", "m1", TestEvents.T0.plus(Duration.ofHours(2)));
        assertEquals(DeadLetterReason.FUTURE_TIMESTAMP, decoder.impression(AvroSerde.impressions().serialize(future), NOW).reason());
        Click preEpoch = TestEvents.click("i1", "u1", "m1", Instant.ofEpochMilli(-1));
        assertEquals(DeadLetterReason.PRE_EPOCH_TIMESTAMP, decoder.click(AvroSerde.clicks().serialize(preEpoch), NOW).reason());
    }
}

package dev.elec.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.UserAttributes;
import dev.elec.replay.EventLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LabelHorizonTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static Impression at(long minutes) {
        return Impression.newBuilder().setImpressionId("i" + minutes).setRequestId("r" + minutes)
                .setEventTime(T0.plus(Duration.ofMinutes(minutes))).setUserId("u").setItemId("m")
                .setUser(UserAttributes.newBuilder().build()).setItem(ItemAttributes.newBuilder().build()).build();
    }

    @Test
    void countsTheImpressionsWhoseAttributionWindowTheWatermarkHasClosed() {
        // impressions at minutes 0, 10, 20, ..., 90; window 30 min, out-of-orderness 5 s
        List<Impression> impressions = LongStream.rangeClosed(0, 9).mapToObj(m -> at(m * 10)).toList();
        LabelHorizon horizon = new LabelHorizon(new EventLog(impressions, List.of(), List.of()),
                Duration.ofMinutes(30), Duration.ofSeconds(5));

        long minute = 60_000;
        long t0 = T0.toEpochMilli();
        assertEquals(0, horizon.expectedSamples(t0 + 30 * minute), "the watermark trails the last event by 5 s");
        assertEquals(1, horizon.expectedSamples(t0 + 30 * minute + 5_001), "0 + 30 min closed");
        assertEquals(4, horizon.expectedSamples(t0 + 65 * minute), "0, 10, 20, 30 closed");
        assertEquals(10, horizon.expectedSamples(t0 + 200 * minute));
    }
}

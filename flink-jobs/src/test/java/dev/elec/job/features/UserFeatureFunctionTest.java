package dev.elec.job.features;

import static dev.elec.model.feature.FeatureKeys.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.elec.job.TestEvents;
import dev.elec.job.decode.JobEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class UserFeatureFunctionTest {

    private static final Instant T0 = TestEvents.T0;
    private static final Duration TTL = Duration.ofDays(8);

    private static KeyedOneInputStreamOperatorTestHarness<String, JobEvent, JobEvent> harness() throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new UserFeatureFunction(TTL)),
                JobEvent::userId, Types.STRING);
        h.open();
        return h;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, JobEvent, JobEvent> h, JobEvent e) throws Exception {
        h.processElement(new StreamRecord<>(e, e.eventTimeMillis()));
    }

    @Test
    void impressionsSeeTheCountsBeforeThemAndClicksUpdateThem() throws Exception {
        try (var h = harness()) {
            send(h, JobEvent.of(TestEvents.impression("i1", "u1", "m1", T0)));
            send(h, JobEvent.of(TestEvents.click("i1", "u1", "m1", T0.plusSeconds(10))));
            send(h, JobEvent.of(TestEvents.impression("i2", "u1", "m2", T0.plusSeconds(70))));
            send(h, JobEvent.of(TestEvents.impression("i3", "u2", "m2", T0.plusSeconds(80))));
            List<JobEvent> out = h.extractOutputValues();
            assertEquals(4, out.size());
            assertEquals("0", out.get(0).features.get(USER_IMPS_1H));
            assertEquals("Animation", out.get(1).category, "the click learns the category of the shown item");
            var second = out.get(2).features;
            assertEquals("1", second.get(USER_IMPS_1H));
            assertEquals("1", second.get(USER_CLICKS_24H));
            assertEquals("60", second.get(USER_SECS_SINCE_LAST_CLICK));
            assertEquals("Animation", second.get(USER_LAST_CLICK_CATEGORY));
            assertEquals("1", second.get(USER_CAT_IMPS_7D));
            assertEquals("1", second.get(USER_CAT_CLICKS_7D));
            assertEquals("0", out.get(3).features.get(USER_IMPS_7D), "another user has its own state");
        }
    }

    @Test
    void stateExpiresAfterItsTtl() throws Exception {
        try (var h = harness()) {
            h.setStateTtlProcessingTime(0);
            send(h, JobEvent.of(TestEvents.impression("i1", "u1", "m1", T0)));
            h.setStateTtlProcessingTime(TTL.toMillis() + 1);
            send(h, JobEvent.of(TestEvents.impression("i2", "u1", "m2", T0.plusSeconds(60))));
            var features = h.extractOutputValues().get(1).features;
            assertEquals("0", features.get(USER_IMPS_1H), "expired counters read as empty");
            assertEquals("0", features.get(USER_CAT_IMPS_7D));
        }
    }

    @Test
    void clickOnAnItemNeverShownHasNoCategory() throws Exception {
        try (var h = harness()) {
            send(h, JobEvent.of(TestEvents.click("i9", "u1", "m9", T0)));
            assertNull(h.extractOutputValues().get(0).category);
        }
    }
}

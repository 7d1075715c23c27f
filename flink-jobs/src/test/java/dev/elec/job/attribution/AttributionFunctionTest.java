package dev.elec.job.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.avro.LabeledSample;
import dev.elec.job.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttributionFunctionTest {

    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final Instant T0 = TestEvents.T0;

    private KeyedTwoInputStreamOperatorTestHarness<String, LabeledSample, Click, LabeledSample> h;

    @BeforeEach
    void open() throws Exception {
        h = newHarness();
        h.open();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, LabeledSample, Click, LabeledSample> newHarness() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new AttributionFunction(WINDOW)),
                s -> s.getImpression().getImpressionId(), Click::getImpressionId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void impression(String id, Instant at) throws Exception {
        Impression imp = TestEvents.impression(id, "u1", "m1", at);
        h.processElement1(new StreamRecord<>(TestEvents.scored(imp), at.toEpochMilli()));
    }

    private void click(String clickId, String impressionId, Instant at) throws Exception {
        h.processElement2(new StreamRecord<>(TestEvents.click(clickId, impressionId, "u1", "m1", at), at.toEpochMilli()));
    }

    private void watermark(Instant at) throws Exception {
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(at.toEpochMilli()));
    }

    private List<Click> side(org.apache.flink.util.OutputTag<Click> tag) {
        ConcurrentLinkedQueue<StreamRecord<Click>> q = h.getSideOutput(tag);
        return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
    }

    private void assertNothingLeft() {
        assertEquals(0, h.numKeyedStateEntries(), "keyed state left behind");
        assertEquals(0, h.numEventTimeTimers(), "timers left behind");
    }

    @Test
    void clickInWindowMakesOnePositiveAtWindowEnd() throws Exception {
        impression("i1", T0);
        click("c1", "i1", T0.plusSeconds(20));
        watermark(T0.plus(WINDOW).minusMillis(1));
        assertEquals(List.of(), h.extractOutputValues(), "nothing before the window ends");
        watermark(T0.plus(WINDOW));
        List<LabeledSample> out = h.extractOutputValues();
        assertEquals(1, out.size());
        assertEquals(1, out.get(0).getLabel());
        assertEquals("c1", out.get(0).getClickId());
        assertEquals(T0.plusSeconds(20), out.get(0).getClickTime());
        assertNothingLeft();
    }

    @Test
    void noClickMakesANegative() throws Exception {
        impression("i1", T0);
        watermark(T0.plus(WINDOW));
        LabeledSample sample = h.extractOutputValues().get(0);
        assertEquals(0, sample.getLabel());
        assertNull(sample.getClickId());
        assertNothingLeft();
    }

    @Test
    void duplicateClicksAreDroppedAndTheEarliestWins() throws Exception {
        impression("i1", T0);
        click("c2", "i1", T0.plusSeconds(40));
        click("c1", "i1", T0.plusSeconds(10));
        click("c2", "i1", T0.plusSeconds(40));
        watermark(T0.plus(WINDOW));
        List<LabeledSample> out = h.extractOutputValues();
        assertEquals(1, out.size());
        assertEquals("c1", out.get(0).getClickId());
        assertEquals(List.of(), side(AttributionFunction.LATE_CLICKS));
        assertNothingLeft();
    }

    @Test
    void clickAfterTheWindowIsLateAndTheSampleNegative() throws Exception {
        impression("i1", T0);
        click("c1", "i1", T0.plus(WINDOW).plusSeconds(1));
        watermark(T0.plus(WINDOW));
        assertEquals(0, h.extractOutputValues().get(0).getLabel());
        assertEquals(List.of("c1"), side(AttributionFunction.LATE_CLICKS).stream().map(Click::getClickId).toList());
        click("c2", "i1", T0.plusSeconds(5));
        assertEquals(2, side(AttributionFunction.LATE_CLICKS).size(), "behind the watermark with no impression waiting");
        assertNothingLeft();
    }

    @Test
    void clickBeforeItsImpressionArrivesWaitsForIt() throws Exception {
        click("c1", "i1", T0.plusSeconds(10));
        impression("i1", T0);
        watermark(T0.plus(WINDOW));
        assertEquals(1, h.extractOutputValues().get(0).getLabel());
        assertEquals(List.of(), side(AttributionFunction.ORPHAN_CLICKS));
        assertNothingLeft();
    }

    @Test
    void clickWithoutImpressionBecomesAnOrphanOnceTheWatermarkPassesIt() throws Exception {
        click("c1", "nope", T0);
        watermark(T0.minusMillis(1));
        assertEquals(List.of(), side(AttributionFunction.ORPHAN_CLICKS));
        watermark(T0);
        assertEquals(List.of("c1"), side(AttributionFunction.ORPHAN_CLICKS).stream().map(Click::getClickId).toList());
        assertEquals(List.of(), h.extractOutputValues());
        assertNothingLeft();
    }

    @Test
    void stateSurvivesASnapshotAndRestore() throws Exception {
        impression("i1", T0);
        click("c1", "i1", T0.plusSeconds(10));
        var snapshot = h.snapshot(1, 1);
        h.close();
        h = newHarness();
        h.initializeState(snapshot);
        h.open();
        watermark(T0.plus(WINDOW));
        assertEquals(1, h.extractOutputValues().get(0).getLabel());
        assertNothingLeft();
    }
}

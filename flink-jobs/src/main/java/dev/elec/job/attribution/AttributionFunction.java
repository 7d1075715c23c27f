package dev.elec.job.attribution;

import dev.elec.avro.Click;
import dev.elec.avro.LabeledSample;
import dev.elec.job.JobCounter;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Impression-click join keyed by impression id, in event time. A scored impression waits until the
 * watermark passes {@code eventTime + window}, then is emitted once: positive with the earliest click
 * in {@code [eventTime, eventTime + window]}, else negative; its state and timer are cleared on emit.
 *
 * <p>Clicks: a second click on a waiting impression is a duplicate (counted, dropped); a click outside
 * the window of a waiting impression, or one already behind the watermark when no impression waits,
 * is late; a click whose impression has not arrived waits until the watermark passes its own time
 * (an impression is never later than its click) and is then an orphan. Late and orphan clicks go to
 * side outputs. A click that comes after its impression was emitted cannot be told from an orphan
 * unless it is behind the watermark; keeping no tombstones is what keeps state bounded by the window.
 */
public final class AttributionFunction extends KeyedCoProcessFunction<String, LabeledSample, Click, LabeledSample> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Click> ORPHAN_CLICKS = new OutputTag<>("orphan-clicks") {};
    public static final OutputTag<Click> LATE_CLICKS = new OutputTag<>("late-clicks") {};

    private final long windowMillis;

    private transient ValueState<LabeledSample> pending;
    /** Event time of the pending impression: lets clicks be judged without reading the whole sample. */
    private transient ValueState<Long> shownAt;
    private transient ValueState<Click> click;
    private transient ValueState<Long> timer;

    private transient JobCounter samples;
    private transient JobCounter positives;
    private transient Counter negatives;
    private transient JobCounter orphans;
    private transient JobCounter late;
    private transient JobCounter duplicates;
    private transient Counter duplicateImpressions;

    public AttributionFunction(Duration window) {
        this.windowMillis = window.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending-impression", TypeInformation.of(LabeledSample.class)));
        shownAt = getRuntimeContext().getState(new ValueStateDescriptor<>("shown-at", Types.LONG));
        click = getRuntimeContext().getState(new ValueStateDescriptor<>("click", TypeInformation.of(Click.class)));
        timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.LONG));
        samples = JobCounter.register(getRuntimeContext(), JobCounter.SAMPLES);
        positives = JobCounter.register(getRuntimeContext(), JobCounter.POSITIVES);
        negatives = getRuntimeContext().getMetricGroup().counter("negatives");
        orphans = JobCounter.register(getRuntimeContext(), JobCounter.ORPHAN_CLICKS);
        late = JobCounter.register(getRuntimeContext(), JobCounter.LATE_CLICKS);
        duplicates = JobCounter.register(getRuntimeContext(), JobCounter.DUPLICATE_CLICKS);
        duplicateImpressions = getRuntimeContext().getMetricGroup().counter("duplicate_impressions");
    }

    @Override
    public void processElement1(LabeledSample scored, Context ctx, Collector<LabeledSample> out) throws Exception {
        if (shownAt.value() != null) {
            duplicateImpressions.inc();
            return;
        }
        long t = scored.getImpression().getEventTime().toEpochMilli();
        Click early = click.value();
        if (early != null && outcome(early, t) != Outcome.IN_WINDOW) {
            reject(early, outcome(early, t), ctx);
            click.clear();
        }
        moveTimer(t + windowMillis, ctx);
        pending.update(scored);
        shownAt.update(t);
    }

    @Override
    public void processElement2(Click c, Context ctx, Collector<LabeledSample> out) throws Exception {
        Long shown = shownAt.value();
        if (shown != null) {
            Outcome outcome = outcome(c, shown);
            if (outcome != Outcome.IN_WINDOW) {
                reject(c, outcome, ctx);
                return;
            }
            keepEarliest(c);
            return;
        }
        if (c.getEventTime().toEpochMilli() <= ctx.timerService().currentWatermark()) {
            reject(c, Outcome.LATE, ctx);
            return;
        }
        if (click.value() == null) {
            moveTimer(c.getEventTime().toEpochMilli(), ctx);
        }
        keepEarliest(c);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LabeledSample> out) throws Exception {
        LabeledSample scored = pending.value();
        Click first = click.value();
        pending.clear();
        shownAt.clear();
        click.clear();
        timer.clear();
        if (scored == null) {
            if (first != null) {
                reject(first, Outcome.ORPHAN, ctx);
            }
            return;
        }
        LabeledSample.Builder labeled = LabeledSample.newBuilder(scored);
        if (first != null) {
            labeled.setLabel(1).setClickId(first.getClickId()).setClickTime(first.getEventTime());
            positives.inc();
        } else {
            labeled.setLabel(0).setClickId(null).setClickTime(null);
            negatives.inc();
        }
        samples.inc();
        out.collect(labeled.build());
    }

    private enum Outcome { IN_WINDOW, ORPHAN, LATE }

    /** Where a click falls relative to the window of an impression shown at {@code shownAt}. */
    private Outcome outcome(Click c, long shownAt) {
        long t = c.getEventTime().toEpochMilli();
        if (t < shownAt) {
            return Outcome.ORPHAN;
        }
        return t <= shownAt + windowMillis ? Outcome.IN_WINDOW : Outcome.LATE;
    }

    private void keepEarliest(Click c) throws Exception {
        Click kept = click.value();
        if (kept == null) {
            click.update(c);
            return;
        }
        duplicates.inc();
        if (c.getEventTime().isBefore(kept.getEventTime())) {
            click.update(c);
        }
    }

    private void reject(Click c, Outcome outcome, Context ctx) {
        if (outcome == Outcome.LATE) {
            late.inc();
            ctx.output(LATE_CLICKS, c);
        } else {
            orphans.inc();
            ctx.output(ORPHAN_CLICKS, c);
        }
    }

    private void moveTimer(long at, Context ctx) throws Exception {
        Long current = timer.value();
        if (current != null) {
            ctx.timerService().deleteEventTimeTimer(current);
        }
        ctx.timerService().registerEventTimeTimer(at);
        timer.update(at);
    }
}

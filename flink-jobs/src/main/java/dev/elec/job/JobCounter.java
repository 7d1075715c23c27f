package dev.elec.job;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * A count kept twice: as a metric (dashboards of the live job) and as an accumulator (read from the
 * job result by the backfill summary and tests).
 */
public final class JobCounter {

    public static final String IMPRESSIONS = "impressions";
    public static final String CLICKS = "clicks";
    public static final String DEAD_LETTERS = "dlq";
    public static final String SAMPLES = "samples";
    public static final String POSITIVES = "positives";
    public static final String ORPHAN_CLICKS = "orphan_clicks";
    public static final String LATE_CLICKS = "late_clicks";
    public static final String DUPLICATE_CLICKS = "duplicate_clicks";

    private final Counter metric;
    private final LongCounter accumulator;

    private JobCounter(Counter metric, LongCounter accumulator) {
        this.metric = metric;
        this.accumulator = accumulator;
    }

    public static JobCounter register(RuntimeContext context, String name) {
        LongCounter accumulator = new LongCounter();
        context.addAccumulator(name, accumulator);
        return new JobCounter(context.getMetricGroup().counter(name), accumulator);
    }

    public void inc() {
        metric.inc();
        accumulator.add(1L);
    }
}

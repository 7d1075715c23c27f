package dev.elec.job.decode;

import dev.elec.avro.DeadLetter;
import dev.elec.job.JobCounter;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits what a source decoded: valid events go on, dead letters go to {@link #DEAD_LETTERS}. Counts
 * both, and dead letters per reason (metric {@code dlq_<REASON>}).
 */
public final class DeadLetterRouter extends ProcessFunction<DecodedRecord, JobEvent> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final RecordDecoder.Kind kind;

    private transient JobCounter events;
    private transient JobCounter deadLetters;
    private transient Map<DeadLetterReason, Counter> byReason;

    public DeadLetterRouter(RecordDecoder.Kind kind) {
        this.kind = kind;
    }

    @Override
    public void open(OpenContext openContext) {
        events = JobCounter.register(getRuntimeContext(),
                kind == RecordDecoder.Kind.IMPRESSIONS ? JobCounter.IMPRESSIONS : JobCounter.CLICKS);
        deadLetters = JobCounter.register(getRuntimeContext(), JobCounter.DEAD_LETTERS);
        byReason = new EnumMap<>(DeadLetterReason.class);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            byReason.put(reason, getRuntimeContext().getMetricGroup().counter("dlq_" + reason.name()));
        }
    }

    @Override
    public void processElement(DecodedRecord record, Context ctx, Collector<JobEvent> out) {
        if (record.event != null) {
            events.inc();
            out.collect(record.event);
            return;
        }
        deadLetters.inc();
        byReason.get(DeadLetterReason.valueOf(record.deadLetter.getReason())).inc();
        ctx.output(DEAD_LETTERS, record.deadLetter);
    }
}

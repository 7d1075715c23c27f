package dev.elec.job.decode;

import dev.elec.avro.Click;
import dev.elec.avro.DeadLetter;
import dev.elec.avro.Impression;
import dev.elec.job.JobCounter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes the raw records of one input topic. Valid events go to the main output; everything else
 * goes to {@link #DEAD_LETTERS} with the original bytes, the source position and the reason, and the
 * job keeps running. Counts dead letters per reason (metric {@code dlq_<REASON>}).
 */
public final class DecodeFunction extends ProcessFunction<RawRecord, JobEvent> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    /** Which record type the topic carries. */
    public enum Kind { IMPRESSIONS, CLICKS }

    private final Kind kind;
    private final EventDecoder decoder;

    private transient JobCounter events;
    private transient JobCounter deadLetters;
    private transient Map<DeadLetterReason, Counter> byReason;

    public DecodeFunction(Kind kind, Duration maxFutureSkew) {
        this.kind = kind;
        this.decoder = new EventDecoder(maxFutureSkew);
    }

    @Override
    public void open(OpenContext openContext) {
        events = JobCounter.register(getRuntimeContext(), kind == Kind.IMPRESSIONS ? JobCounter.IMPRESSIONS : JobCounter.CLICKS);
        deadLetters = JobCounter.register(getRuntimeContext(), JobCounter.DEAD_LETTERS);
        byReason = new EnumMap<>(DeadLetterReason.class);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            byReason.put(reason, getRuntimeContext().getMetricGroup().counter("dlq_" + reason.name()));
        }
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<JobEvent> out) {
        long now = ctx.timerService().currentProcessingTime();
        DecodeOutcome<? extends SpecificRecord> outcome = kind == Kind.IMPRESSIONS
                ? decoder.impression(raw.value, now)
                : decoder.click(raw.value, now);
        if (outcome.isOk()) {
            events.inc();
            out.collect(outcome.event() instanceof Impression imp ? JobEvent.of(imp) : JobEvent.of((Click) outcome.event()));
            return;
        }
        deadLetters.inc();
        byReason.get(outcome.reason()).inc();
        ctx.output(DEAD_LETTERS, DeadLetter.newBuilder()
                .setSourceTopic(raw.topic)
                .setPartition(raw.partition)
                .setOffset(raw.offset)
                .setReason(outcome.reason().name())
                .setDetail(outcome.detail())
                .setPayload(raw.value == null ? null : ByteBuffer.wrap(raw.value))
                .setFailedAt(Instant.ofEpochMilli(now))
                .build());
    }
}

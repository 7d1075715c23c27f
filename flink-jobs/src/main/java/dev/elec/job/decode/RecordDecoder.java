package dev.elec.job.decode;

import dev.elec.avro.Click;
import dev.elec.avro.DeadLetter;
import dev.elec.avro.Impression;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns the bytes of one record of an input topic into a {@link DecodedRecord}: the valid event, or a
 * dead letter with the original bytes, the source position and the reason. Pure and thread-safe.
 */
public final class RecordDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which record type the topic carries. */
    public enum Kind { IMPRESSIONS, CLICKS }

    private final Kind kind;
    private final EventDecoder decoder;

    public RecordDecoder(Kind kind, Duration maxFutureSkew) {
        this.kind = kind;
        this.decoder = new EventDecoder(maxFutureSkew);
    }

    public Kind kind() {
        return kind;
    }

    public DecodedRecord decode(String topic, int partition, long offset, byte[] value, long nowMillis) {
        DecodeOutcome<? extends SpecificRecord> outcome = kind == Kind.IMPRESSIONS
                ? decoder.impression(value, nowMillis)
                : decoder.click(value, nowMillis);
        if (outcome.isOk()) {
            return DecodedRecord.of(outcome.event() instanceof Impression imp ? JobEvent.of(imp) : JobEvent.of((Click) outcome.event()));
        }
        return DecodedRecord.of(deadLetter(outcome, topic, partition, offset, value, nowMillis));
    }

    private static DeadLetter deadLetter(DecodeOutcome<?> outcome, String topic, int partition, long offset, byte[] value,
                                         long nowMillis) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setPartition(partition)
                .setOffset(offset)
                .setReason(outcome.reason().name())
                .setDetail(outcome.detail())
                .setPayload(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(Instant.ofEpochMilli(nowMillis))
                .build();
    }
}

package dev.elec.job.sink;

import dev.elec.avro.Click;
import dev.elec.avro.DeadLetter;
import dev.elec.schemas.AvroSerde;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.flink.api.common.functions.MapFunction;

/** An orphan or late click as a dead letter (reason ORPHAN_CLICK / LATE_CLICK), so it is kept, not lost. */
public final class UnattributedClick implements MapFunction<Click, DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String reason;
    private final AvroSerde<Click> serde = AvroSerde.clicks();

    public UnattributedClick(String clicksTopic, String reason) {
        this.topic = clicksTopic;
        this.reason = reason;
    }

    @Override
    public DeadLetter map(Click c) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setPartition(-1)
                .setOffset(-1)
                .setReason(reason)
                .setDetail("click " + c.getClickId() + " on impression " + c.getImpressionId() + " at " + c.getEventTime())
                .setPayload(ByteBuffer.wrap(serde.serialize(c)))
                .setFailedAt(Instant.now())
                .build();
    }
}

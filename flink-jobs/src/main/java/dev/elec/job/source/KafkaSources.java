package dev.elec.job.source;

import dev.elec.avro.ModelUpdate;
import dev.elec.job.config.JobConfig;
import dev.elec.job.decode.RawRecord;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The job's Kafka inputs. Offsets are checkpointed by Flink; the group's committed offsets are only a fallback. */
public final class KafkaSources {

    private KafkaSources() {}

    public static KafkaSource<RawRecord> raw(JobConfig config, String topic) {
        return raw(config, topic, false);
    }

    /** With {@code bounded}, the source stops at the offsets that are the latest when the job starts. */
    @SuppressWarnings("deprecation") // the connector takes no other reset strategy type yet
    public static KafkaSource<RawRecord> raw(JobConfig config, String topic, boolean bounded) {
        KafkaSourceBuilder<RawRecord> builder = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(topic)
                .setGroupId(config.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("isolation.level", "read_committed");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** From the earliest update: a fresh start replays the history and ends up serving the latest model. */
    public static KafkaSource<ModelUpdate> modelUpdates(JobConfig config) {
        return KafkaSource.<ModelUpdate>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(config.modelUpdatesTopic())
                .setGroupId(config.groupId() + "-model-updates")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new ModelUpdateDeserializer())
                .build();
    }
}

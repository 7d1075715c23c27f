package dev.elec.job.source;

import dev.elec.avro.ModelUpdate;
import dev.elec.job.config.JobConfig;
import dev.elec.job.decode.DecodedRecord;
import dev.elec.job.decode.RecordDecoder;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The job's Kafka inputs. Offsets are checkpointed by Flink; the group's committed offsets are only a fallback. */
public final class KafkaSources {

    private KafkaSources() {}

    /** With {@code bounded}, the source stops at the offsets that are the latest when the job starts. */
    public static KafkaSource<DecodedRecord> impressions(JobConfig config, boolean bounded) {
        return decoded(config, config.impressionsTopic(), RecordDecoder.Kind.IMPRESSIONS, bounded);
    }

    /** With {@code bounded}, the source stops at the offsets that are the latest when the job starts. */
    public static KafkaSource<DecodedRecord> clicks(JobConfig config, boolean bounded) {
        return decoded(config, config.clicksTopic(), RecordDecoder.Kind.CLICKS, bounded);
    }

    @SuppressWarnings("deprecation") // the connector takes no other reset strategy type yet
    private static KafkaSource<DecodedRecord> decoded(JobConfig config, String topic, RecordDecoder.Kind kind, boolean bounded) {
        KafkaSourceBuilder<DecodedRecord> builder = KafkaSource.<DecodedRecord>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(topic)
                .setGroupId(config.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new DecodingDeserializer(new RecordDecoder(kind, config.maxFutureSkew())))
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

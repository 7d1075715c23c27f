package dev.elec.job.sink;

import dev.elec.avro.DeadLetter;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.Score;
import dev.elec.job.config.JobConfig;
import dev.elec.schemas.AvroSerde;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.avro.AvroWriters;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;

/**
 * The job's outputs and their delivery guarantees: labeled samples exactly-once (Kafka transactions
 * committed on checkpoint; files committed on checkpoint), scores and dead letters at-least-once
 * (not delayed by checkpoints; consumers dedupe scores on impression id).
 */
public final class Sinks {

    private Sinks() {}

    public static Sink<LabeledSample> samplesToKafka(JobConfig config) {
        Properties producer = new Properties();
        producer.setProperty("transaction.timeout.ms", Long.toString(config.transactionTimeout().toMillis()));
        return KafkaSink.<LabeledSample>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setRecordSerializer(new AvroKafkaSerializer<>(config.samplesTopic(), AvroSerde.labeledSamples(),
                        s -> s.getImpression().getImpressionId()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.transactionalIdPrefix())
                .setKafkaProducerConfig(producer)
                .build();
    }

    public static Sink<Score> scoresToKafka(JobConfig config) {
        return KafkaSink.<Score>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setRecordSerializer(new AvroKafkaSerializer<>(config.scoresTopic(), AvroSerde.scores(), Score::getImpressionId))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    public static Sink<DeadLetter> deadLettersToKafka(JobConfig config) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setRecordSerializer(new AvroKafkaSerializer<>(config.deadLettersTopic(), AvroSerde.deadLetters(),
                        DeadLetter::getSourceTopic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** Rolling Avro container files under {@code dir}, one directory per event hour; a file is final once committed. */
    public static FileSink<LabeledSample> samplesToFiles(String dir) {
        return FileSink.forBulkFormat(new Path(dir), AvroWriters.forSpecificRecord(LabeledSample.class))
                .withBucketAssigner(new EventHourBucketAssigner())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("samples").withPartSuffix(".avro").build())
                .build();
    }
}

package dev.elec.job;

import dev.elec.avro.DeadLetter;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.Score;
import dev.elec.job.config.JobConfig;
import dev.elec.job.scoring.ModelLoader;
import dev.elec.job.sink.Sinks;
import dev.elec.job.source.KafkaSources;
import dev.elec.kafka.LocalKafka;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.schemas.AvroSerde;
import dev.elec.schemas.RecordDecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Runs the job on a local MiniCluster against the in-process broker, with bounded Kafka sources. */
final class KafkaJobFixture {

    private KafkaJobFixture() {}

    /** A config whose topics carry {@code run} so runs do not see each other's output. */
    static JobConfig config(LocalKafka kafka, String run, Path checkpoints) {
        return JobConfig.defaults().with(Map.of(
                JobConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                JobConfig.GROUP_ID, "test-" + run,
                JobConfig.TRANSACTIONAL_ID_PREFIX, "test-" + run + "-" + UUID.randomUUID(),
                JobConfig.TOPIC_SAMPLES, "samples-" + run,
                JobConfig.TOPIC_SCORES, "scores-" + run,
                JobConfig.TOPIC_DEAD_LETTERS, "dlq-" + run,
                JobConfig.TOPIC_MODEL_UPDATES, "model-updates-" + run,
                JobConfig.CHECKPOINT_INTERVAL, "300ms",
                JobConfig.CHECKPOINT_DIR, checkpoints.toUri().toString(),
                JobConfig.ROCKSDB_LOCAL_DIR, "/tmp/elec-rdb-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    /** Inputs bounded at the offsets that are the latest when the job starts. */
    static ElecJob job(JobConfig config, ModelLoader loader, boolean withModelUpdates) {
        return job(config, loader, withModelUpdates, true);
    }

    static ElecJob job(JobConfig config, ModelLoader loader, boolean withModelUpdates, boolean bounded) {
        JobSources sources = new JobSources(
                KafkaSources.raw(config, config.impressionsTopic(), bounded),
                KafkaSources.raw(config, config.clicksTopic(), bounded),
                withModelUpdates ? KafkaSources.modelUpdates(config) : null);
        JobSinks sinks = new JobSinks(List.of(Sinks.samplesToKafka(config)), Sinks.scoresToKafka(config),
                Sinks.deadLettersToKafka(config));
        return new ElecJob(config, FeatureSpec.defaults(), loader, sources, sinks);
    }

    static JobExecutionResult run(ElecJob job, JobConfig config) throws Exception {
        return run(job, config, Map.of());
    }

    static JobExecutionResult run(ElecJob job, JobConfig config, Map<String, String> flinkOverrides) throws Exception {
        Configuration flink = ElecJob.flinkConfiguration(config, true);
        flinkOverrides.forEach(flink::setString);
        flink.setString("restart-strategy.type", "fixed-delay");
        flink.setString("restart-strategy.fixed-delay.attempts", "3");
        flink.setString("restart-strategy.fixed-delay.delay", "200 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), flink);
        try {
            return job.execute(env);
        } finally {
            deleteRocksDbDir(config);
        }
    }

    /** Best effort: a cancelled job may still be removing its own files. */
    static void deleteRocksDbDir(JobConfig config) {
        Path dir = Path.of(config.rocksDbLocalDir());
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // left for the OS to clean /tmp
        }
    }

    static void sendRaw(LocalKafka kafka, String topic, List<byte[]> values) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>(topic, v));
            }
            producer.flush();
        }
    }

    /** Every committed record of {@code topic} (read_committed), decoded. */
    static <T extends SpecificRecord> List<T> readCommitted(LocalKafka kafka, String topic, AvroSerde<T> serde) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("isolation.level", "read_committed");
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        out.add(serde.deserialize(r.value()));
                    } catch (RecordDecodeException e) {
                        throw new IllegalStateException("undecodable record on " + topic, e);
                    }
                }
            }
        }
        return out;
    }

    static List<LabeledSample> samples(LocalKafka kafka, JobConfig config) {
        return readCommitted(kafka, config.samplesTopic(), AvroSerde.labeledSamples());
    }

    static List<Score> scores(LocalKafka kafka, JobConfig config) {
        return readCommitted(kafka, config.scoresTopic(), AvroSerde.scores());
    }

    static List<DeadLetter> deadLetters(LocalKafka kafka, JobConfig config) {
        return readCommitted(kafka, config.deadLettersTopic(), AvroSerde.deadLetters());
    }
}

package dev.elec.job;

import dev.elec.avro.Click;
import dev.elec.avro.DeadLetter;
import dev.elec.avro.Impression;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.Score;
import dev.elec.job.config.JobConfig;
import dev.elec.job.scoring.ModelLoader;
import dev.elec.job.sink.Sinks;
import dev.elec.job.source.KafkaSources;
import dev.elec.kafka.LocalKafka;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.replay.EventLog;
import dev.elec.schemas.AvroSerde;
import dev.elec.schemas.RecordDecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

/** Runs the job on a local MiniCluster against the in-process broker, and reads and writes its topics. */
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
                KafkaSources.impressions(config, bounded),
                KafkaSources.clicks(config, bounded),
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
        send(kafka, topic, null, values);
    }

    /** Sends {@code values} to {@code partition} of {@code topic} (null: the producer's choice). */
    static void send(LocalKafka kafka, String topic, Integer partition, List<byte[]> values) {
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>(topic, partition, null, v));
            }
            producer.flush();
        }
    }

    /**
     * One impression and one click a day after the log's end on every input partition, so that every
     * partition's watermark passes all attribution windows (they get no samples themselves).
     */
    static void sendWatermarkFlush(LocalKafka kafka, JobConfig config, EventLog log) {
        Impression last = log.impressions().get(log.impressions().size() - 1);
        Instant farAhead = log.inEventTimeOrder().stream().map(KafkaJobFixture::eventTime).max(Instant::compareTo).orElseThrow()
                .plus(Duration.ofDays(1));
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            for (int partition = 0; partition < producer.partitionsFor(config.impressionsTopic()).size(); partition++) {
                Impression imp = Impression.newBuilder(last).setImpressionId("watermark-flush-" + partition).setEventTime(farAhead).build();
                producer.send(new ProducerRecord<>(config.impressionsTopic(), partition, null, AvroSerde.impressions().serialize(imp)));
            }
            for (int partition = 0; partition < producer.partitionsFor(config.clicksTopic()).size(); partition++) {
                Click click = Click.newBuilder().setClickId("watermark-flush-click-" + partition).setImpressionId("watermark-flush-0")
                        .setUserId(last.getUserId()).setItemId(last.getItemId()).setEventTime(farAhead).build();
                producer.send(new ProducerRecord<>(config.clicksTopic(), partition, null, AvroSerde.clicks().serialize(click)));
            }
            producer.flush();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(LocalKafka kafka) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static Instant eventTime(SpecificRecord event) {
        return event instanceof Impression imp ? imp.getEventTime() : ((Click) event).getEventTime();
    }

    /** Waits until every one of {@code impressionIds} has a score (an unbounded job never ends by itself). */
    static void awaitScored(LocalKafka kafka, JobConfig config, Set<String> impressionIds, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> scored = Set.of();
        while (System.nanoTime() < deadline) {
            scored = scoredIds(scores(kafka, config));
            if (scored.containsAll(impressionIds)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + scored.size() + " of " + impressionIds.size() + " impressions scored");
    }

    /** Waits until every one of {@code impressionIds} has a committed sample; returns all committed samples. */
    static List<LabeledSample> awaitSamples(LocalKafka kafka, JobConfig config, Set<String> impressionIds, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<LabeledSample> samples = List.of();
        while (System.nanoTime() < deadline) {
            samples = samples(kafka, config);
            if (samples.stream().map(s -> s.getImpression().getImpressionId()).collect(Collectors.toSet()).containsAll(impressionIds)) {
                return samples;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + samples.size() + " of " + impressionIds.size() + " samples committed");
    }

    static Set<String> scoredIds(List<Score> scores) {
        return scores.stream().map(Score::getImpressionId).collect(Collectors.toSet());
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

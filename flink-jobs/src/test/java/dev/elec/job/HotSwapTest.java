package dev.elec.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.ModelUpdate;
import dev.elec.avro.Score;
import dev.elec.job.config.JobConfig;
import dev.elec.job.scoring.BundleModelLoader;
import dev.elec.job.scoring.ScoringOperator;
import dev.elec.kafka.LocalKafka;
import dev.elec.model.bundle.BundleContents;
import dev.elec.model.bundle.BundleManifest;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.Backbone;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.net.NetworkConfig;
import dev.elec.model.registry.ModelRegistry;
import dev.elec.replay.DatasetName;
import dev.elec.replay.Datasets;
import dev.elec.replay.EventLog;
import dev.elec.replay.SyntheticConfig;
import dev.elec.schemas.AvroSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model published mid-stream is served without a restart; a corrupt bundle is rejected and the
 * served model stays; every impression still yields exactly one sample.
 *
 * <p>The events are sent in small chunks while the test waits for a model version to show up in the
 * scores (a swap needs records scored after the bundle loaded), so nothing depends on how fast the
 * machine loads models or scores records. The inputs are unbounded; at the end one far-ahead event per
 * input partition moves the watermark past every attribution window.
 */
@Tag("slow")
class HotSwapTest {

    private static final NetworkConfig SMALL_NET = new NetworkConfig(Backbone.DEEPFM, 4, new int[] {8}, 1, 0.0f, 0);
    private static final int CHUNK_EVENTS = 15;
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(180);

    @Test
    void publishedModelIsServedMidStreamAndACorruptOneIsRejected(@TempDir Path tmp) throws Exception {
        FeatureSpec spec = FeatureSpec.defaults();
        ModelRegistry registry = new ModelRegistry(tmp.resolve("registry").toUri());
        String good = registry.publish(writeBundle(tmp.resolve("staged-good"), spec));
        Path corrupt = writeBundle(tmp.resolve("staged-corrupt"), spec);
        String corruptVersion = ModelBundle.readManifest(corrupt.toUri()).version();
        Files.write(corrupt.resolve(BundleManifest.VANILLA_PARAMS_FILE), new byte[] {1, 2, 3});
        String later = registry.publish(writeBundle(tmp.resolve("staged-later"), spec));
        assertNotEquals(good, later);

        try (LocalKafka kafka = LocalKafka.start(); LogCapture scoringLog = new LogCapture(ScoringOperator.class)) {
            JobConfig config = KafkaJobFixture.config(kafka, "hotswap", tmp.resolve("checkpoints"));
            kafka.createTopics(2, config.impressionsTopic(), config.clicksTopic());
            kafka.createTopics(1, config.modelUpdatesTopic());
            kafka.createTopics(2, config.scoresTopic(), config.samplesTopic(), config.deadLettersTopic());
            EventLog log = Datasets.load(DatasetName.SYNTHETIC, tmp, new SyntheticConfig(200, 400, 6000, 5L));
            Set<String> impressionIds = log.impressions().stream().map(Impression::getImpressionId).collect(Collectors.toSet());

            ElecJob job = KafkaJobFixture.job(config, new BundleModelLoader(), true, false);
            Configuration flink = ElecJob.flinkConfiguration(config, true);
            JobClient client = job.executeAsync(StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), flink));
            try (ChunkedReplay replay = new ChunkedReplay(kafka, config, log)) {
                feedUntilServed(replay, kafka, config, "prior");
                publish(kafka, config, good, registry.locate(good).toString(), spec);
                feedUntilServed(replay, kafka, config, good);
                publish(kafka, config, corruptVersion, corrupt.toUri().toString(), spec);
                publish(kafka, config, later, registry.locate(later).toString(), spec);
                feedUntilServed(replay, kafka, config, later);

                replay.sendRest();
                KafkaJobFixture.awaitScored(kafka, config, impressionIds, PHASE_TIMEOUT);
                KafkaJobFixture.sendWatermarkFlush(kafka, config, log);
                List<LabeledSample> samples = KafkaJobFixture.awaitSamples(kafka, config, impressionIds, PHASE_TIMEOUT);

                Set<String> sampled = samples.stream().map(s -> s.getImpression().getImpressionId()).collect(Collectors.toSet());
                assertEquals(samples.size(), sampled.size(), "no duplicated sample");
                assertEquals(impressionIds, sampled, "one sample per impression");
                Set<String> sampleVersions = samples.stream().map(LabeledSample::getModelVersion).collect(Collectors.toSet());
                assertTrue(sampleVersions.containsAll(Set.of("prior", good, later)), sampleVersions.toString());
                assertFalse(sampleVersions.contains(corruptVersion), "the corrupt bundle never served");
                assertFalse(versions(KafkaJobFixture.scores(kafka, config)).contains(corruptVersion), "the corrupt bundle never served");
                assertTrue(scoringLog.messages().stream().anyMatch(m -> m.startsWith("Rejected model " + corruptVersion)),
                        "the corrupt bundle's rejection is logged: " + scoringLog.messages());
            } finally {
                client.cancel().get();
                KafkaJobFixture.deleteRocksDbDir(config);
            }
        }
    }

    /**
     * Sends chunk after chunk, each once the previous one is scored, until a score carries
     * {@code version}: a model is swapped in only when records arrive after it loaded.
     */
    private static void feedUntilServed(ChunkedReplay replay, LocalKafka kafka, JobConfig config, String version)
            throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (true) {
            List<Score> scores = KafkaJobFixture.scores(kafka, config);
            if (versions(scores).contains(version)) {
                return;
            }
            boolean previousChunkScored = KafkaJobFixture.scoredIds(scores).containsAll(replay.sentImpressionIds());
            if (System.nanoTime() > deadline || (previousChunkScored && !replay.hasNext())) {
                throw new AssertionError("scores never carried model " + version + " after " + replay.sentImpressionIds().size()
                        + " impressions; saw " + versions(scores) + "; dead letters: " + KafkaJobFixture.deadLetters(kafka, config).size());
            }
            if (previousChunkScored) {
                replay.sendNext();
            }
            Thread.sleep(500);
        }
    }

    private static Path writeBundle(Path dir, FeatureSpec spec) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelBundle.write(dir, new BundleContents(spec, SMALL_NET, CtrNetworks.create(SMALL_NET, spec, manager), Map.of()));
        }
        return dir;
    }

    private static void publish(LocalKafka kafka, JobConfig config, String version, String uri, FeatureSpec spec) {
        ModelUpdate update = ModelUpdate.newBuilder().setModelVersion(version).setBundleUri(uri).setSha256("")
                .setFeatureSpecHash(spec.hash()).setCreatedAt(Instant.now()).build();
        KafkaJobFixture.sendRaw(kafka, config.modelUpdatesTopic(), List.of(AvroSerde.modelUpdates().serialize(update)));
    }

    private static Set<String> versions(List<Score> scores) {
        return scores.stream().map(Score::getModelVersion).collect(Collectors.toCollection(HashSet::new));
    }


    /** The event log in event-time order, sent chunk by chunk keyed by user (as {@code KafkaReplayer} does). */
    private static final class ChunkedReplay implements AutoCloseable {

        private final LocalKafka kafka;
        private final JobConfig config;
        private final List<SpecificRecord> events;
        private final Set<String> sent = new HashSet<>();
        private final KafkaProducer<String, byte[]> producer;
        private int next;

        ChunkedReplay(LocalKafka kafka, JobConfig config, EventLog log) {
            this.kafka = kafka;
            this.config = config;
            this.events = log.inEventTimeOrder();
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }

        boolean hasNext() {
            return next < events.size();
        }

        Set<String> sentImpressionIds() {
            return sent;
        }

        void sendNext() {
            send(Math.min(next + CHUNK_EVENTS, events.size()));
        }

        void sendRest() {
            send(events.size());
        }

        private void send(int until) {
            for (; next < until; next++) {
                if (events.get(next) instanceof Impression imp) {
                    producer.send(new ProducerRecord<>(config.impressionsTopic(), imp.getUserId(), AvroSerde.impressions().serialize(imp)));
                    sent.add(imp.getImpressionId());
                } else {
                    Click click = (Click) events.get(next);
                    producer.send(new ProducerRecord<>(config.clicksTopic(), click.getUserId(), AvroSerde.clicks().serialize(click)));
                }
            }
            producer.flush();
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}

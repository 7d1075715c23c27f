package dev.elec.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.ModelUpdate;
import dev.elec.avro.Score;
import dev.elec.job.config.JobConfig;
import dev.elec.job.scoring.BundleModelLoader;
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
import dev.elec.replay.KafkaReplayer;
import dev.elec.replay.SyntheticConfig;
import dev.elec.schemas.AvroSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model published mid-stream is served without a restart; a corrupt bundle is rejected and the
 * served model stays; every impression still yields exactly one sample.
 */
@Tag("slow")
class HotSwapTest {

    private static final NetworkConfig SMALL_NET = new NetworkConfig(Backbone.DEEPFM, 4, new int[] {8}, 1, 0.0f, 0);

    @Test
    void publishedModelIsServedMidStreamAndACorruptOneIsRejected(@TempDir Path tmp) throws Exception {
        FeatureSpec spec = FeatureSpec.defaults();
        ModelRegistry registry = new ModelRegistry(tmp.resolve("registry").toUri());
        String good = registry.publish(writeBundle(tmp.resolve("staged-good"), spec));
        Path corrupt = writeBundle(tmp.resolve("staged-corrupt"), spec);
        String corruptVersion = ModelBundle.readManifest(corrupt.toUri()).version();
        Files.write(corrupt.resolve(BundleManifest.VANILLA_PARAMS_FILE), new byte[] {1, 2, 3});
        String later = registry.publish(writeBundle(tmp.resolve("staged-later"), spec));

        try (LocalKafka kafka = LocalKafka.start()) {
            JobConfig config = KafkaJobFixture.config(kafka, "hotswap", tmp.resolve("checkpoints"));
            kafka.createTopics(2, config.impressionsTopic(), config.clicksTopic());
            kafka.createTopics(1, config.modelUpdatesTopic());
            kafka.createTopics(2, config.scoresTopic(), config.samplesTopic(), config.deadLettersTopic());
            EventLog log = Datasets.load(DatasetName.SYNTHETIC, tmp, new SyntheticConfig(200, 400, 6000, 5L));
            new KafkaReplayer().replay(log, kafka.bootstrapServers(), config.impressionsTopic(), config.clicksTopic(), 0);

            Throttle.ON.set(true);
            ElecJob job = KafkaJobFixture.job(config, new BundleModelLoader(), true)
                    .withScoredHook(s -> s.map(new Throttle(), TypeInformation.of(LabeledSample.class)).uid("throttle"));
            Configuration flink = ElecJob.flinkConfiguration(config, true);
            JobClient client = job.executeAsync(StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), flink));
            try {
                awaitScores(kafka, config, versions -> versions.contains("prior"));
                publish(kafka, config, good, registry.locate(good).toString(), spec);
                awaitScores(kafka, config, versions -> versions.contains(good));
                publish(kafka, config, corruptVersion, corrupt.toUri().toString(), spec);
                publish(kafka, config, later, registry.locate(later).toString(), spec);
                awaitScores(kafka, config, versions -> versions.contains(later));
                Throttle.ON.set(false);

                List<LabeledSample> samples = awaitSamples(kafka, config, log.impressions().size());
                Set<String> ids = samples.stream().map(s -> s.getImpression().getImpressionId()).collect(Collectors.toSet());
                assertEquals(log.impressions().size(), samples.size(), "one sample per impression");
                assertEquals(log.impressions().size(), ids.size(), "no duplicated sample");
                Set<String> sampleVersions = samples.stream().map(LabeledSample::getModelVersion).collect(Collectors.toSet());
                assertTrue(sampleVersions.containsAll(Set.of("prior", good, later)), sampleVersions.toString());
                Set<String> scoreVersions = versions(KafkaJobFixture.scores(kafka, config));
                assertFalse(scoreVersions.contains(corruptVersion), "the corrupt bundle never served");
                assertNotEquals(good, later);
            } finally {
                Throttle.ON.set(false);
                client.cancel().get();
                KafkaJobFixture.deleteRocksDbDir(config);
            }
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

    private static void awaitScores(LocalKafka kafka, JobConfig config, Predicate<Set<String>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Set<String> seen = Set.of();
        while (System.nanoTime() < deadline) {
            seen = versions(KafkaJobFixture.scores(kafka, config));
            if (done.test(seen)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("scores never reached the expected model versions; saw " + seen + "; dead letters: "
                + KafkaJobFixture.deadLetters(kafka, config).size());
    }

    private static List<LabeledSample> awaitSamples(LocalKafka kafka, JobConfig config, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<LabeledSample> samples = List.of();
        while (System.nanoTime() < deadline) {
            samples = KafkaJobFixture.samples(kafka, config);
            if (samples.size() >= expected) {
                return samples;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("only " + samples.size() + " of " + expected + " samples committed");
    }
}

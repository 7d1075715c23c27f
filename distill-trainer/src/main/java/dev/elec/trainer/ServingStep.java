package dev.elec.trainer;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.elec.avro.ModelUpdate;
import dev.elec.model.bundle.BundleContents;
import dev.elec.model.bundle.BundleManifest;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.net.NetworkParams;
import dev.elec.model.registry.ModelRegistry;
import dev.elec.trainer.distill.Variant;
import dev.elec.trainer.eval.Evaluation;
import dev.elec.trainer.gate.ModelUpdateSender;
import dev.elec.trainer.gate.PublishGate;
import dev.elec.trainer.gate.ServingModels;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * After training: write the distilled vanilla network as a bundle (on the real feature spec), check it by scoring
 * the test split through the bundle, and with --publish let it through the gate into the registry and announce it.
 */
final class ServingStep {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final TrainOptions options;
    private final PrintStream out;

    ServingStep(TrainOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** False when the gate refused to publish. */
    boolean finish(TrainingOutcome outcome) {
        Path bundleDir = bundleDir();
        BundleManifest manifest = writeBundle(outcome, bundleDir);
        int[] testIds = outcome.data().gatherIds(outcome.data().test());
        float[] testLabels = outcome.data().gatherLabels(outcome.data().test());
        double candidateAuc = ServingModels.testAuc(bundleDir.toUri(), outcome.spec(), testIds, testLabels);
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("dir", bundleDir.toString());
        bundle.put("version", manifest.version());
        bundle.put("variant", Variant.VANILLA_KD);
        bundle.put("seed", outcome.servingSeed());
        bundle.put("test_auc", candidateAuc);
        outcome.report().block("bundle", bundle);
        out.printf("bundle %s (vanilla_kd, seed %d, test AUC %.4f): %s%n", manifest.version(), outcome.servingSeed(),
                candidateAuc, bundleDir);
        if (!options.publish) {
            return true;
        }
        return gateAndPublish(outcome, bundleDir, manifest, candidateAuc, testIds, testLabels);
    }

    private boolean gateAndPublish(TrainingOutcome outcome, Path bundleDir, BundleManifest manifest,
                                   double candidateAuc, int[] testIds, float[] testLabels) {
        ModelRegistry registry = new ModelRegistry(options.registry.toAbsolutePath().toUri());
        var serving = ServingModels.current(registry, outcome.spec(), testIds, testLabels);
        OptionalDouble servingAuc = serving.filter(s -> s.testAuc() != null)
                .map(s -> OptionalDouble.of(s.testAuc())).orElse(OptionalDouble.empty());
        PublishGate.Decision decision = new PublishGate(0).decide(candidateAuc, servingAuc,
                serving.map(ServingModels.Serving::version).orElse("none"));
        String reason = serving.map(ServingModels.Serving::note).filter(n -> n != null)
                .map(n -> decision.reason() + "; " + n).orElse(decision.reason());
        Map<String, Object> gate = new LinkedHashMap<>();
        gate.put("candidate_test_auc", candidateAuc);
        gate.put("serving_version", serving.map(ServingModels.Serving::version).orElse(null));
        gate.put("serving_test_auc", servingAuc.isPresent() ? servingAuc.getAsDouble() : null);
        gate.put("published", decision.publish());
        gate.put("reason", reason);
        out.println("gate: " + (decision.publish() ? "publish" : "refused") + ": " + reason);
        if (decision.publish()) {
            String version = registry.publish(bundleDir);
            gate.put("published_version", version);
            if (options.bootstrapServers != null && !options.bootstrapServers.isBlank()) {
                ModelUpdateSender.send(options.bootstrapServers, options.topic,
                        update(outcome, registry, version, bundleDir, manifest));
                gate.put("announced_on", options.topic);
            }
            out.println("published " + version + " to " + registry.root());
        }
        outcome.report().block("gate", gate);
        return decision.publish();
    }

    private static ModelUpdate update(TrainingOutcome outcome, ModelRegistry registry, String version, Path bundleDir,
                                      BundleManifest manifest) {
        return ModelUpdate.newBuilder()
                .setModelVersion(version)
                .setBundleUri(registry.locate(version).toString())
                .setSha256(ModelBundle.manifestSha256(bundleDir.toUri()))
                .setFeatureSpecHash(outcome.spec().hash())
                .setCreatedAt(Instant.now())
                .setMetrics(manifest.metrics())
                .build();
    }

    private BundleManifest writeBundle(TrainingOutcome outcome, Path dir) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Block compact = CtrNetworks.build(outcome.vanillaConfig(), outcome.compactIds().compactSpec());
            CtrNetworks.initialize(compact, outcome.vanillaConfig(), outcome.compactIds().compactSpec(), manager);
            NetworkParams.load(compact, manager, new ByteArrayInputStream(outcome.servingParameters()));
            Block full = CtrNetworks.create(outcome.vanillaConfig(), outcome.spec(), manager);
            outcome.compactIds().expand(compact, full);
            return ModelBundle.write(dir, new BundleContents(outcome.spec(), outcome.vanillaConfig(), full,
                    metrics(outcome.evaluation()), Map.of("report.json",
                    outcome.report().tree().toPrettyString().getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the trained vanilla network: " + e.getMessage(), e);
        }
    }

    private static Map<String, Double> metrics(Evaluation evaluation) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String variant : Variant.ALL) {
            if (evaluation.scores().get(variant).isEmpty()) {
                continue;
            }
            metrics.put(variant + ".test_auc_mean", evaluation.auc(variant).mean());
            metrics.put(variant + ".test_logloss_mean", evaluation.logLoss(variant).mean());
            metrics.put(variant + ".delta_auc_vs_baseline_mean", evaluation.delta(variant).mean());
        }
        return metrics;
    }

    private Path bundleDir() {
        Path dir = options.bundle != null ? options.bundle
                : options.report.toAbsolutePath().getParent().resolve("bundles").resolve(STAMP.format(Instant.now()));
        try {
            if (Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new BadInputException("bundle directory " + dir + " is not empty");
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read bundle directory " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}

package dev.elec.trainer.gate;

import dev.elec.model.bundle.BundleRejectedException;
import dev.elec.model.bundle.Check;
import dev.elec.model.bundle.LoadedModel;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.registry.ModelRegistry;
import dev.elec.model.registry.RegistryEntry;
import dev.elec.model.scoring.Scorer;
import dev.elec.trainer.eval.Metrics;

import java.net.URI;
import java.util.Optional;

/** Scores a test split with bundles: the candidate just written, or the registry's serving model. */
public final class ServingModels {
    private ServingModels() {
    }

    /** A serving model's test AUC, or why it could not be compared. */
    public record Serving(String version, Double testAuc, String note) {
    }

    public static double testAuc(URI bundle, FeatureSpec spec, int[] testIds, float[] testLabels) {
        LoadedModel model = ModelBundle.load(bundle, spec);
        try (Scorer scorer = model.newScorer()) {
            return Metrics.auc(scorer.score(testIds, testLabels.length), testLabels);
        }
    }

    public static Optional<Serving> current(ModelRegistry registry, FeatureSpec spec, int[] testIds, float[] testLabels) {
        Optional<RegistryEntry> current = registry.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        RegistryEntry entry = current.get();
        try {
            return Optional.of(new Serving(entry.version(), testAuc(entry.location(), spec, testIds, testLabels), null));
        } catch (BundleRejectedException e) {
            if (e.check() == Check.FEATURE_SPEC) {
                return Optional.of(new Serving(entry.version(), null, "serving model " + entry.version()
                        + " uses another feature spec, so it cannot score this test split: " + e.getMessage()));
            }
            throw e;
        }
    }
}

package dev.elec.trainer.eval;

import dev.elec.trainer.distill.Variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test scores of every variant over seeds, paired against {@code vanilla_baseline} seed by seed. */
public final class Evaluation {
    private final Map<String, List<SeedScore>> scores = new LinkedHashMap<>();

    public Evaluation() {
        Variant.ALL.forEach(v -> scores.put(v, new ArrayList<>()));
    }

    /** Adds one seed: test logits and validation AUC per variant (must include the baseline). */
    public void addSeed(long seed, Map<String, float[]> testLogits, Map<String, Double> validationAuc, float[] labels) {
        float[] baseline = testLogits.get(Variant.VANILLA_BASELINE);
        if (baseline == null) {
            throw new IllegalArgumentException("seed " + seed + " has no " + Variant.VANILLA_BASELINE + " predictions");
        }
        double baselineAuc = Metrics.auc(baseline, labels);
        for (Map.Entry<String, float[]> entry : testLogits.entrySet()) {
            double auc = Metrics.auc(entry.getValue(), labels);
            double logLoss = Metrics.logLoss(Metrics.sigmoid(entry.getValue()), labels);
            scores.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(new SeedScore(seed, auc, logLoss,
                    auc - baselineAuc, validationAuc.getOrDefault(entry.getKey(), Double.NaN)));
        }
    }

    public Map<String, List<SeedScore>> scores() {
        return scores;
    }

    public Summary auc(String variant) {
        return Summary.of(scores.get(variant).stream().map(SeedScore::auc).toList());
    }

    public Summary logLoss(String variant) {
        return Summary.of(scores.get(variant).stream().map(SeedScore::logLoss).toList());
    }

    public Summary delta(String variant) {
        return Summary.of(scores.get(variant).stream().map(SeedScore::deltaAucVsBaseline).toList());
    }

    public Summary validationAuc(String variant) {
        return Summary.of(scores.get(variant).stream().map(SeedScore::validationAuc).toList());
    }
}

package dev.elec.cli.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Online AUC per model version: each labeled sample carries the pCTR its version gave when the impression
 * was scored, and the label attribution found later. Versions keep the order in which their first sample came.
 */
public final class OnlineAuc {

    private final Map<String, ScoredLabels> byVersion = new LinkedHashMap<>();

    public void add(String version, double pctr, int label) {
        byVersion.computeIfAbsent(version, v -> new ScoredLabels()).add(pctr, label);
    }

    /** AUC of every version so far; NaN for a version whose samples are all of one label. */
    public Map<String, Double> aucByVersion() {
        Map<String, Double> auc = new LinkedHashMap<>();
        byVersion.forEach((version, samples) -> auc.put(version, samples.auc()));
        return auc;
    }

    public Map<String, Long> samplesByVersion() {
        Map<String, Long> counts = new LinkedHashMap<>();
        byVersion.forEach((version, samples) -> counts.put(version, (long) samples.size));
        return counts;
    }

    /**
     * The probability that a random positive scores above a random negative, ties counting one half
     * (Mann-Whitney U with average ranks), so a constant scorer gets exactly 0.5.
     */
    static double auc(double[] scores, byte[] labels, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static final class ScoredLabels {
        private double[] scores = new double[1024];
        private byte[] labels = new byte[1024];
        private int size;

        void add(double score, int label) {
            if (size == scores.length) {
                scores = Arrays.copyOf(scores, size * 2);
                labels = Arrays.copyOf(labels, size * 2);
            }
            scores[size] = score;
            labels[size] = (byte) (label == 1 ? 1 : 0);
            size++;
        }

        double auc() {
            return OnlineAuc.auc(scores, labels, size);
        }
    }
}

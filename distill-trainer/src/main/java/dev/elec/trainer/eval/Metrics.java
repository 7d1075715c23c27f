package dev.elec.trainer.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranking and calibration metrics for click predictions. */
public final class Metrics {
    private static final double EPS = 1e-7;

    private Metrics() {
    }

    /** Area under the ROC curve (Mann-Whitney with average ranks for ties); NaN when one class is absent. */
    public static double auc(float[] scores, float[] labels) {
        check(scores, labels);
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] > 0.5f) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean binary cross-entropy of probabilities, clipped away from 0 and 1. */
    public static double logLoss(float[] probabilities, float[] labels) {
        check(probabilities, labels);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
            sum -= labels[i] > 0.5f ? Math.log(p) : Math.log(1 - p);
        }
        return sum / probabilities.length;
    }

    public static float[] sigmoid(float[] logits) {
        float[] out = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = (float) (1 / (1 + Math.exp(-logits[i])));
        }
        return out;
    }

    private static void check(float[] scores, float[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
    }
}

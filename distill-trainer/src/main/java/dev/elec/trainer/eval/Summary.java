package dev.elec.trainer.eval;

import java.util.List;

/** Mean, sample standard deviation and minimum of per-seed values. */
public record Summary(double mean, double std, double min) {

    public static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double std = values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : 0;
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return new Summary(mean, std, min);
    }
}

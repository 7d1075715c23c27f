package dev.elec.model.bench;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Throughputs in samples per second.
 *
 * @param perRecordSamplesPerS the batched scorer called with one row at a time
 * @param batchedSamplesPerS the batched scorer by batch size
 * @param rawForwardSamplesPerS the network forward on pre-built arrays, by batch size
 * @param batch256P99Ms p99 latency of one batch-256 scorer call
 */
public record ScoringBenchmarkResult(
        double perRecordSamplesPerS,
        SortedMap<Integer, Double> batchedSamplesPerS,
        SortedMap<Integer, Double> rawForwardSamplesPerS,
        double batch256P99Ms) {

    public static final double MIN_BATCH256_SAMPLES_PER_S = 100_000;
    public static final double MIN_FRACTION_OF_RAW = 0.6;
    public static final double MIN_SPEEDUP_OVER_PER_RECORD = 10;

    public ScoringBenchmarkResult {
        batchedSamplesPerS = new TreeMap<>(batchedSamplesPerS);
        rawForwardSamplesPerS = new TreeMap<>(rawForwardSamplesPerS);
    }

    /** The report line: {@code {"per_record_samples_per_s":..,"batched_samples_per_s":{..},...}}. */
    public String toJson() {
        return String.format(
                Locale.ROOT,
                "{\"per_record_samples_per_s\":%.0f,\"batched_samples_per_s\":%s,\"raw_forward_samples_per_s\":{\"256\":%.0f},"
                        + "\"batch256_p99_ms\":%.3f}",
                perRecordSamplesPerS,
                jsonMap(batchedSamplesPerS),
                rawForwardSamplesPerS.getOrDefault(256, Double.NaN),
                batch256P99Ms);
    }

    /** Whether batch 256 meets the bar: absolute rate, share of the raw forward, speed-up over per record. */
    public boolean meetsBar() {
        double batched = batchedSamplesPerS.getOrDefault(256, 0.0);
        double raw = rawForwardSamplesPerS.getOrDefault(256, Double.POSITIVE_INFINITY);
        return batched >= MIN_BATCH256_SAMPLES_PER_S
                && batched >= MIN_FRACTION_OF_RAW * raw
                && batched >= MIN_SPEEDUP_OVER_PER_RECORD * perRecordSamplesPerS;
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %8s %16s %14s%n", "case", "batch", "samples/s", "vs raw"));
        out.append(String.format(Locale.ROOT, "%-22s %8d %,16.0f %14s%n", "scorer per record", 1, perRecordSamplesPerS, ""));
        for (Map.Entry<Integer, Double> e : batchedSamplesPerS.entrySet()) {
            Double raw = rawForwardSamplesPerS.get(e.getKey());
            String share = raw == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * e.getValue() / raw);
            out.append(String.format(Locale.ROOT, "%-22s %8d %,16.0f %14s%n", "batched scorer", e.getKey(), e.getValue(), share));
        }
        for (Map.Entry<Integer, Double> e : rawForwardSamplesPerS.entrySet()) {
            out.append(String.format(Locale.ROOT, "%-22s %8d %,16.0f %14s%n", "raw block forward", e.getKey(), e.getValue(), ""));
        }
        double batched = batchedSamplesPerS.getOrDefault(256, 0.0);
        out.append(String.format(Locale.ROOT, "batch 256: p99 %.3f ms, %.1fx per record, %.0f%% of raw forward -> %s%n",
                batch256P99Ms, batched / perRecordSamplesPerS,
                100 * batched / rawForwardSamplesPerS.getOrDefault(256, Double.NaN),
                meetsBar() ? "meets the bar (>= 100k/s, >= 60% of raw, >= 10x per record)" : "BELOW the bar (>= 100k/s, >= 60% of raw, >= 10x per record)"));
        return out.toString();
    }

    private static String jsonMap(SortedMap<Integer, Double> values) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<Integer, Double> e : values.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(String.format(Locale.ROOT, "\"%d\":%.0f", e.getKey(), e.getValue()));
        }
        return out.append('}').toString();
    }
}

package dev.elec.cli.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end of a demo: the one-line JSON for scripts and the table for people. */
public record DemoSummary(String dataset, double eventsPerSecond, long wallSeconds, DemoStats.Snapshot stats,
                          List<DemoRetrainer.Result> retrains) {

    /** The JSON line's fields, in order; an AUC that is undefined (one label only) is null. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("impressions", stats.impressions());
        json.put("scores", stats.scores());
        json.put("samples", stats.samples());
        json.put("model_versions", stats.versions());
        Map<String, Object> auc = new LinkedHashMap<>();
        for (String version : stats.versions()) {
            Double value = stats.onlineAuc().get(version);
            auc.put(version, value == null || value.isNaN() ? null : round(value));
        }
        json.put("online_auc_by_version", auc);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", stats.p50LatencyMs());
        latency.put("p99", stats.p99LatencyMs());
        json.put("score_latency_ms", latency);
        json.put("dlq", stats.deadLetters());
        json.put("clicks", stats.clicks());
        json.put("positives", stats.positives());
        json.put("dataset", dataset);
        json.put("wall_seconds", wallSeconds);
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (DemoRetrainer.Result r : retrains) {
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("round", r.round());
            round.put("exit", r.exitCode());
            round.put("rows", r.rows());
            round.put("test_auc", r.testAuc() == null ? null : round(r.testAuc()));
            round.put("published", r.version());
            round.put("seconds", Math.round(r.seconds()));
            rounds.add(round);
        }
        json.put("retrains", rounds);
        return json;
    }

    /** Distinct impressions each model version scored. */
    public Map<String, Long> scoresByVersion() {
        return stats.scoresByVersion();
    }

    /** True when at least {@code minimum} distilled versions served and each beat the prior's online AUC. */
    public boolean distilledBeatPrior(int minimum) {
        Double prior = stats.onlineAuc().get("prior");
        long better = stats.versions().stream().filter(v -> !v.equals("prior"))
                .map(v -> stats.onlineAuc().get(v))
                .filter(auc -> auc != null && !auc.isNaN() && (prior == null || prior.isNaN() || auc > prior))
                .count();
        long distilled = stats.versions().stream().filter(v -> !v.equals("prior")).count();
        return distilled >= minimum && better == distilled;
    }

    public String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "ELEC demo: %s %s, %d min %02d s%n", dataset,
                eventsPerSecond > 0 ? String.format(Locale.ROOT, "at %.0f events/s", eventsPerSecond) : "as fast as possible",
                wallSeconds / 60, wallSeconds % 60));
        t.append(String.format(Locale.ROOT, "%-24s %10s %10s %11s%n", "model version", "scores", "samples", "online AUC"));
        t.append("-".repeat(58)).append('\n');
        for (String version : stats.versions()) {
            t.append(String.format(Locale.ROOT, "%-24s %,10d %,10d %11s%n", version,
                    stats.scoresByVersion().getOrDefault(version, 0L), stats.samplesByVersion().getOrDefault(version, 0L),
                    StatusLine.format(stats.onlineAuc().get(version))));
        }
        t.append("-".repeat(58)).append('\n');
        t.append(String.format(Locale.ROOT, "%-24s %,10d %,10d   (%,d impressions, %,d clicks, %,d positives)%n", "total",
                stats.scores(), stats.samples(), stats.impressions(), stats.clicks(), stats.positives()));
        for (DemoRetrainer.Result r : retrains) {
            t.append(String.format(Locale.ROOT, "retrain %d: %,d samples, %.0f s, exit %d, %s%n", r.round(), r.rows(),
                    r.seconds(), r.exitCode(), describe(r)));
        }
        t.append(String.format(Locale.ROOT, "score latency (replayer send -> scored): p50 %d ms, p99 %d ms%n",
                stats.p50LatencyMs(), stats.p99LatencyMs()));
        t.append(String.format(Locale.ROOT, "dead letters: %d %s%n", stats.deadLetters(),
                stats.deadLettersByReason().isEmpty() ? "" : stats.deadLettersByReason().toString()));
        if (stats.undecodable() > 0) {
            t.append(String.format(Locale.ROOT, "undecodable records on the job's output topics: %d%n", stats.undecodable()));
        }
        return t.toString();
    }

    private static String describe(DemoRetrainer.Result r) {
        String auc = r.testAuc() == null ? "" : String.format(Locale.ROOT, "test AUC %.4f, ", r.testAuc());
        return auc + (r.published() ? "published " + r.version() : "not published") + (r.note().isBlank() ? "" : " (" + r.note() + ")");
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

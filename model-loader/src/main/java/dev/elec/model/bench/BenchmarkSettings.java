package dev.elec.model.bench;

/**
 * How long the scoring benchmark runs.
 *
 * @param warmupMillis warm-up per case before the first round
 * @param measureMillis length of one measured round per case
 * @param rounds measured rounds; cases are interleaved round by round and the median round is kept
 * @param seed seed of the random rows
 */
public record BenchmarkSettings(long warmupMillis, long measureMillis, int rounds, long seed) {
    public BenchmarkSettings {
        if (warmupMillis < 0 || measureMillis <= 0 || rounds < 1) {
            throw new IllegalArgumentException(
                    "invalid benchmark settings: warmup " + warmupMillis + " ms, measure " + measureMillis + " ms, rounds " + rounds);
        }
    }

    /** About 40 s in total. */
    public static BenchmarkSettings defaults() {
        return new BenchmarkSettings(1500, 1000, 5, 42);
    }

    /** A few seconds; for smoke tests. */
    public static BenchmarkSettings quick() {
        return new BenchmarkSettings(100, 100, 1, 42);
    }
}

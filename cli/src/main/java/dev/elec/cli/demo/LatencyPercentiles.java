package dev.elec.cli.demo;

import java.util.Arrays;

/** Collects latencies in milliseconds and reports nearest-rank percentiles. */
final class LatencyPercentiles {
    private long[] values = new long[1024];
    private int size;

    void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    /** The nearest-rank {@code p}-th percentile (0 < p <= 100); -1 when nothing was recorded. */
    long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)];
    }
}

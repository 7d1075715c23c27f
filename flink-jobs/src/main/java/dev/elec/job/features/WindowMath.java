package dev.elec.job.features;

import java.time.Duration;

/**
 * Pure arithmetic of time-bucketed counters. A window of {@code k} buckets at time {@code t} covers
 * the bucket of {@code t} and the {@code k - 1} before it. Events older than the ring are dropped;
 * a newer event advances the ring and clears the buckets it passes. Out-of-order events within the
 * ring land in their own bucket.
 */
public final class WindowMath {

    private WindowMath() {}

    public static long bucketOf(long timestampMillis, long widthMillis) {
        return Math.floorDiv(timestampMillis, widthMillis);
    }

    /** Adds {@code n} events at {@code timestampMillis}; returns false when the event is older than the ring. */
    public static boolean add(RollingCounts c, BucketSpec spec, long timestampMillis, int n) {
        long bucket = bucketOf(timestampMillis, spec.widthMillis);
        int size = c.counts.length;
        if (c.head == Long.MIN_VALUE) {
            c.head = bucket;
        } else if (bucket > c.head) {
            long gap = Math.min(bucket - c.head, size);
            for (long i = 1; i <= gap; i++) {
                c.counts[Math.floorMod(c.head + i, size)] = 0;
            }
            c.head = bucket;
        } else if (bucket <= c.head - size) {
            return false;
        }
        c.counts[Math.floorMod(bucket, size)] += n;
        return true;
    }

    /** Events in the {@code window} ending with the bucket of {@code timestampMillis}. */
    public static long sum(RollingCounts c, BucketSpec spec, long timestampMillis, Duration window) {
        if (c == null || c.head == Long.MIN_VALUE) {
            return 0;
        }
        int k = spec.bucketsIn(window);
        long last = Math.min(bucketOf(timestampMillis, spec.widthMillis), c.head);
        long first = Math.max(bucketOf(timestampMillis, spec.widthMillis) - k + 1, c.head - c.counts.length + 1);
        long total = 0;
        for (long b = first; b <= last; b++) {
            total += c.counts[Math.floorMod(b, c.counts.length)];
        }
        return total;
    }

    /** Click-through rate smoothed towards {@link #PRIOR_CTR} with the weight of {@link #PRIOR_IMPRESSIONS}. */
    public static double smoothedCtr(long clicks, long impressions) {
        return (clicks + PRIOR_CTR * PRIOR_IMPRESSIONS) / (impressions + PRIOR_IMPRESSIONS);
    }

    public static final double PRIOR_CTR = 0.05;
    public static final double PRIOR_IMPRESSIONS = 20;
}

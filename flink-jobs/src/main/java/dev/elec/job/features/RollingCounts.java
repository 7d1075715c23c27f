package dev.elec.job.features;

/**
 * Event counts in a ring of fixed-width time buckets (Flink POJO, kept in keyed state).
 * {@code head} is the index ({@code timestamp / width}) of the newest bucket seen; bucket {@code b}
 * lives at {@code counts[b mod counts.length]}. Use {@link WindowMath} to read and write it.
 */
public class RollingCounts {

    public long head;
    public int[] counts;

    public RollingCounts() {}

    RollingCounts(int buckets) {
        this.head = Long.MIN_VALUE;
        this.counts = new int[buckets];
    }
}

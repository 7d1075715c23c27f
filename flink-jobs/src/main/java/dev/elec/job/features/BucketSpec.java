package dev.elec.job.features;

import java.time.Duration;

/** Width and number of the buckets of a {@link RollingCounts}; a window is a whole number of buckets. */
public enum BucketSpec {
    /** 12 x 5 min: the last hour at 5-minute resolution. */
    FIVE_MINUTES(Duration.ofMinutes(5), 12),
    /** 168 x 1 h: the last 24 h and 7 d at hour resolution. */
    HOURS(Duration.ofHours(1), 168),
    /** 7 x 1 d: the last 7 days at day resolution (the per-category cross, kept small). */
    DAYS(Duration.ofDays(1), 7);

    final long widthMillis;
    final int buckets;

    BucketSpec(Duration width, int buckets) {
        this.widthMillis = width.toMillis();
        this.buckets = buckets;
    }

    RollingCounts empty() {
        return new RollingCounts(buckets);
    }

    /** Buckets that make up {@code window}; the window must be a multiple of the width and fit in the ring. */
    int bucketsIn(Duration window) {
        long millis = window.toMillis();
        if (millis % widthMillis != 0 || millis / widthMillis > buckets || millis <= 0) {
            throw new IllegalArgumentException(window + " is not a whole number of " + name() + " buckets within " + buckets);
        }
        return (int) (millis / widthMillis);
    }
}

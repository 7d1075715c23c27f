package dev.elec.job.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowMathTest {

    private static final long H = Duration.ofHours(1).toMillis();
    private static final long T = 1_700_000_000_000L / H * H; // an hour boundary

    @Test
    void bucketOfFloorsNegativeTimes() {
        assertEquals(-1, WindowMath.bucketOf(-1, H));
        assertEquals(0, WindowMath.bucketOf(H - 1, H));
        assertEquals(1, WindowMath.bucketOf(H, H));
    }

    @Test
    void windowCoversTheCurrentBucketAndThePreviousOnes() {
        RollingCounts c = BucketSpec.HOURS.empty();
        WindowMath.add(c, BucketSpec.HOURS, T, 1);
        WindowMath.add(c, BucketSpec.HOURS, T + 5 * H, 2);
        WindowMath.add(c, BucketSpec.HOURS, T + 30 * H, 4);
        long now = T + 30 * H + 10;
        assertEquals(4, WindowMath.sum(c, BucketSpec.HOURS, now, Duration.ofHours(1)));
        assertEquals(4, WindowMath.sum(c, BucketSpec.HOURS, now, Duration.ofHours(24)));
        assertEquals(6, WindowMath.sum(c, BucketSpec.HOURS, now, Duration.ofHours(26)));
        assertEquals(7, WindowMath.sum(c, BucketSpec.HOURS, now, Duration.ofDays(7)));
    }

    @Test
    void advancingPastTheRingForgetsOldCounts() {
        RollingCounts c = BucketSpec.HOURS.empty();
        WindowMath.add(c, BucketSpec.HOURS, T, 3);
        WindowMath.add(c, BucketSpec.HOURS, T + 168 * H, 1);
        assertEquals(1, WindowMath.sum(c, BucketSpec.HOURS, T + 168 * H, Duration.ofDays(7)));
        WindowMath.add(c, BucketSpec.HOURS, T + 1000 * H, 5);
        assertEquals(5, WindowMath.sum(c, BucketSpec.HOURS, T + 1000 * H, Duration.ofDays(7)));
    }

    @Test
    void outOfOrderEventsLandInTheirBucketOrAreDroppedWhenTooOld() {
        RollingCounts c = BucketSpec.FIVE_MINUTES.empty();
        long m5 = Duration.ofMinutes(5).toMillis();
        WindowMath.add(c, BucketSpec.FIVE_MINUTES, T + 20 * m5, 1);
        assertTrue(WindowMath.add(c, BucketSpec.FIVE_MINUTES, T + 15 * m5, 1));
        assertFalse(WindowMath.add(c, BucketSpec.FIVE_MINUTES, T + 8 * m5, 1));
        assertEquals(2, WindowMath.sum(c, BucketSpec.FIVE_MINUTES, T + 20 * m5, Duration.ofHours(1)));
        // reading at an earlier time sees only buckets up to that time
        assertEquals(1, WindowMath.sum(c, BucketSpec.FIVE_MINUTES, T + 16 * m5, Duration.ofHours(1)));
    }

    @Test
    void emptyOrAbsentCountsSumToZero() {
        assertEquals(0, WindowMath.sum(null, BucketSpec.HOURS, T, Duration.ofDays(1)));
        assertEquals(0, WindowMath.sum(BucketSpec.DAYS.empty(), BucketSpec.DAYS, T, Duration.ofDays(7)));
    }

    @Test
    void windowMustBeWholeBucketsWithinTheRing() {
        assertThrows(IllegalArgumentException.class, () -> BucketSpec.HOURS.bucketsIn(Duration.ofMinutes(90)));
        assertThrows(IllegalArgumentException.class, () -> BucketSpec.DAYS.bucketsIn(Duration.ofDays(8)));
    }

    @Test
    void smoothedCtrStartsAtThePriorAndMovesWithData() {
        assertEquals(WindowMath.PRIOR_CTR, WindowMath.smoothedCtr(0, 0), 1e-12);
        assertEquals((50 + 1.0) / (100 + 20), WindowMath.smoothedCtr(50, 100), 1e-12);
    }
}

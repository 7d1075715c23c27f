package dev.elec.job.features;

/** Per-item counters (Flink POJO in keyed state). */
public class ItemState {

    public RollingCounts impsFine;
    public RollingCounts impsHourly;
    public RollingCounts clicksHourly;
    /** Event time of the first impression seen. */
    public long firstSeenMillis;

    public ItemState() {}

    static ItemState firstSeenAt(long t) {
        ItemState s = new ItemState();
        s.impsFine = BucketSpec.FIVE_MINUTES.empty();
        s.impsHourly = BucketSpec.HOURS.empty();
        s.clicksHourly = BucketSpec.HOURS.empty();
        s.firstSeenMillis = t;
        return s;
    }

    void countImpression(long t) {
        WindowMath.add(impsFine, BucketSpec.FIVE_MINUTES, t, 1);
        WindowMath.add(impsHourly, BucketSpec.HOURS, t, 1);
        firstSeenMillis = Math.min(firstSeenMillis, t);
    }

    void countClick(long t) {
        WindowMath.add(clicksHourly, BucketSpec.HOURS, t, 1);
    }
}

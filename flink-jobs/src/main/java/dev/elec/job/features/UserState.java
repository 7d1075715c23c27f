package dev.elec.job.features;

/** Per-user counters (Flink POJO in keyed state). */
public class UserState {

    public RollingCounts impsFine;
    public RollingCounts impsHourly;
    public RollingCounts clicksHourly;
    /** Event time of the latest click, null before the first one. */
    public Long lastClickMillis;
    public String lastClickCategory;

    public UserState() {}

    static UserState empty() {
        UserState s = new UserState();
        s.impsFine = BucketSpec.FIVE_MINUTES.empty();
        s.impsHourly = BucketSpec.HOURS.empty();
        s.clicksHourly = BucketSpec.HOURS.empty();
        return s;
    }

    void countImpression(long t) {
        WindowMath.add(impsFine, BucketSpec.FIVE_MINUTES, t, 1);
        WindowMath.add(impsHourly, BucketSpec.HOURS, t, 1);
    }

    void countClick(long t, String category) {
        WindowMath.add(clicksHourly, BucketSpec.HOURS, t, 1);
        if (lastClickMillis == null || t >= lastClickMillis) {
            lastClickMillis = t;
            lastClickCategory = category;
        }
    }
}

package dev.elec.job.features;

/** One user's impressions and clicks in one item category (Flink POJO, a value of a MapState). */
public class CategoryCounts {

    public RollingCounts imps;
    public RollingCounts clicks;

    public CategoryCounts() {}

    static CategoryCounts empty() {
        CategoryCounts c = new CategoryCounts();
        c.imps = BucketSpec.DAYS.empty();
        c.clicks = BucketSpec.DAYS.empty();
        return c;
    }
}

package dev.elec.replay;

/**
 * Size and seed of a synthetic dataset. The same config always yields the same events.
 *
 * @param users       number of users
 * @param items       number of items; many more than impressions per item, so item ids recur sparsely
 * @param impressions exact number of impressions generated
 * @param seed        random seed
 */
public record SyntheticConfig(int users, int items, int impressions, long seed) {

    public SyntheticConfig {
        if (users <= 0 || items <= 0 || impressions <= 0) {
            throw new IllegalArgumentException("synthetic users, items and impressions must be positive, got users="
                    + users + " items=" + items + " impressions=" + impressions);
        }
    }

    /** About 50k impressions over 10 days; each item shown about 2-3 times. */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(2_000, 20_000, 50_000, 42L);
    }

    /** A few thousand impressions, for tests. */
    public static SyntheticConfig small() {
        return new SyntheticConfig(300, 1_200, 3_000, 7L);
    }
}

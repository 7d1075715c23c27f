package dev.elec.replay;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.UserAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A synthetic click log where text carries signal. Each user's occupation decides a hidden topic the
 * user likes; an item's topic shows only in the words of its title. The click probability is
 * {@code sigmoid(base + position + user bias + item popularity + evening + match)}, where the topic
 * match term is large: a model that reads titles and occupations can learn what ids alone learn slowly,
 * since items are many and each is shown only a few times. Deterministic for a given config.
 */
public final class SyntheticGenerator {

    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    static final int DAYS = 10;
    static final int SLATE_SIZE = 5;
    /** Share of slate slots filled from the user's topic (a recommender that already knows a little). */
    static final double TOPIC_SLOT_SHARE = 0.2;

    static final double BASE_LOGIT = -2.9;
    static final double POSITION_LOGIT = -0.15;
    static final double EVENING_LOGIT = 0.25;
    static final double TOPIC_MATCH_LOGIT = 2.8;

    /** Relative traffic per UTC hour: quiet at night, busiest in the evening. */
    private static final double[] HOURLY_TRAFFIC = {
        0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.8, 0.9, 1.0, 1.0,
        1.1, 1.0, 0.9, 0.9, 1.0, 1.2, 1.5, 1.7, 1.8, 1.6, 1.1, 0.6};

    private final SyntheticConfig config;
    private final SyntheticWorld world;

    private SyntheticGenerator(SyntheticConfig config) {
        this.config = config;
        this.world = SyntheticWorld.create(config);
    }

    /** Generates exactly {@code config.impressions()} impressions over 10 days, and their clicks. */
    public static EventLog generate(SyntheticConfig config) {
        return new SyntheticGenerator(config).events();
    }

    private EventLog events() {
        Random random = new Random(config.seed() * 31 + 17);
        int requests = (config.impressions() + SLATE_SIZE - 1) / SLATE_SIZE;
        Instant[] times = requestTimes(requests, random);
        double[] userCumulativeWeight = cumulativeExposure();

        List<Impression> impressions = new ArrayList<>(config.impressions());
        List<Click> clicks = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            SyntheticWorld.User user = world.users().get(sample(userCumulativeWeight, random));
            int slate = Math.min(SLATE_SIZE, config.impressions() - impressions.size());
            String requestId = "syn-r" + r;
            for (int position = 0; position < slate; position++) {
                SyntheticWorld.Item item = pickItem(user, random);
                String impressionId = requestId + "-" + position;
                impressions.add(impression(impressionId, requestId, times[r], user, item, position));
                if (random.nextDouble() < clickProbability(user, item, position, times[r])) {
                    clicks.add(Click.newBuilder()
                            .setClickId(impressionId + "-click")
                            .setImpressionId(impressionId)
                            .setUserId(user.id())
                            .setItemId(item.id())
                            .setEventTime(ClickDelay.clickTime(times[r], impressionId))
                            .build());
                }
            }
        }
        return EventLog.sortedByEventTime(impressions, clicks, List.of());
    }

    static double clickProbability(SyntheticWorld.User user, SyntheticWorld.Item item, int position, Instant time) {
        int hour = time.atZone(ZoneOffset.UTC).getHour();
        double logit = BASE_LOGIT
                + POSITION_LOGIT * position
                + user.clickBias()
                + item.popularity()
                + (hour >= 18 && hour <= 22 ? EVENING_LOGIT : 0)
                + (user.topic() == item.topic() ? TOPIC_MATCH_LOGIT : 0);
        return 1 / (1 + Math.exp(-logit));
    }

    private SyntheticWorld.Item pickItem(SyntheticWorld.User user, Random random) {
        List<SyntheticWorld.Item> pool = random.nextDouble() < TOPIC_SLOT_SHARE ? world.itemsOfTopic(user.topic()) : List.of();
        if (pool.isEmpty()) {
            pool = world.items();
        }
        return pool.get(random.nextInt(pool.size()));
    }

    private static Impression impression(String impressionId, String requestId, Instant time,
                                         SyntheticWorld.User user, SyntheticWorld.Item item, int position) {
        return Impression.newBuilder()
                .setImpressionId(impressionId)
                .setRequestId(requestId)
                .setEventTime(time)
                .setUserId(user.id())
                .setItemId(item.id())
                .setPosition(position)
                .setUser(UserAttributes.newBuilder()
                        .setAge(user.age()).setGender(user.gender()).setOccupation(user.occupation()).setZip(user.zip())
                        .build())
                .setItem(ItemAttributes.newBuilder()
                        .setTitle(item.title())
                        .setCategory(item.category())
                        .setGenres(new ArrayList<>(item.genres()))
                        .build())
                .build();
    }

    private static Instant[] requestTimes(int requests, Random random) {
        double[] cumulativeHours = cumulative(HOURLY_TRAFFIC);
        Instant[] times = new Instant[requests];
        for (int r = 0; r < requests; r++) {
            long second = random.nextInt(DAYS) * 86_400L
                    + sample(cumulativeHours, random) * 3_600L
                    + random.nextInt(3_600);
            times[r] = START.plus(Duration.ofSeconds(second));
        }
        Arrays.sort(times);
        return times;
    }

    private double[] cumulativeExposure() {
        return cumulative(world.users().stream().mapToDouble(SyntheticWorld.User::exposureWeight).toArray());
    }

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** Index drawn with probability proportional to its weight. */
    private static int sample(double[] cumulative, Random random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return Math.min(index >= 0 ? index + 1 : -index - 1, cumulative.length - 1);
    }
}

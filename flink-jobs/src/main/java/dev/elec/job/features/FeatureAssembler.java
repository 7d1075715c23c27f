package dev.elec.job.features;

import static dev.elec.model.feature.FeatureKeys.*;

import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.UserAttributes;
import dev.elec.model.feature.FeatureKeys;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the raw-value map ({@link FeatureKeys}) of an impression: static values from the impression
 * itself plus the dynamic values read from keyed state <em>before</em> the impression is counted.
 * Absent values are left out (the feature spec maps them to the field's "missing" id).
 */
public final class FeatureAssembler {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);
    static final Duration WEEK = Duration.ofDays(7);
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private FeatureAssembler() {}

    public static Map<String, String> staticFeatures(Impression imp) {
        Map<String, String> m = new HashMap<>();
        put(m, USER_ID, imp.getUserId());
        put(m, ITEM_ID, imp.getItemId());
        put(m, POSITION, Integer.toString(imp.getPosition()));
        ZonedDateTime t = imp.getEventTime().atZone(ZoneOffset.UTC);
        put(m, HOUR_OF_DAY, Integer.toString(t.getHour()));
        put(m, DAY_OF_WEEK, Integer.toString(t.getDayOfWeek().getValue()));
        UserAttributes u = imp.getUser();
        if (u != null) {
            put(m, USER_AGE, u.getAge() == null ? null : u.getAge().toString());
            put(m, USER_GENDER, u.getGender());
            put(m, USER_OCCUPATION, u.getOccupation());
            put(m, USER_ZIP, u.getZip());
        }
        ItemAttributes i = imp.getItem();
        if (i != null) {
            put(m, ITEM_CATEGORY, category(imp));
            put(m, ITEM_SUBCATEGORY, i.getSubcategory());
            put(m, ITEM_GENRES, i.getGenres().isEmpty() ? null : String.join(FeatureKeys.MULTI_VALUE_SEPARATOR, i.getGenres()));
            put(m, ITEM_RELEASE_YEAR, releaseYear(i.getReleaseDate()));
            put(m, ITEM_TITLE, i.getTitle());
        }
        return m;
    }

    /** The item's category: its own, else its first genre (MovieLens), else null. */
    public static String category(Impression imp) {
        ItemAttributes i = imp.getItem();
        if (i == null) {
            return null;
        }
        if (i.getCategory() != null && !i.getCategory().isBlank()) {
            return i.getCategory();
        }
        return i.getGenres().isEmpty() ? null : i.getGenres().get(0);
    }

    static String releaseYear(String releaseDate) {
        if (releaseDate == null) {
            return null;
        }
        Matcher matcher = YEAR.matcher(releaseDate);
        String year = null;
        while (matcher.find()) {
            year = matcher.group(1);
        }
        return year;
    }

    public static void putUserFeatures(Map<String, String> m, UserState s, long now) {
        long imps7d = s == null ? 0 : WindowMath.sum(s.impsHourly, BucketSpec.HOURS, now, WEEK);
        long clicks7d = s == null ? 0 : WindowMath.sum(s.clicksHourly, BucketSpec.HOURS, now, WEEK);
        m.put(USER_IMPS_1H, count(s == null ? 0 : WindowMath.sum(s.impsFine, BucketSpec.FIVE_MINUTES, now, HOUR)));
        m.put(USER_IMPS_24H, count(s == null ? 0 : WindowMath.sum(s.impsHourly, BucketSpec.HOURS, now, DAY)));
        m.put(USER_IMPS_7D, count(imps7d));
        m.put(USER_CLICKS_24H, count(s == null ? 0 : WindowMath.sum(s.clicksHourly, BucketSpec.HOURS, now, DAY)));
        m.put(USER_CLICKS_7D, count(clicks7d));
        m.put(USER_CTR_7D, ratio(WindowMath.smoothedCtr(clicks7d, imps7d)));
        if (s != null && s.lastClickMillis != null) {
            m.put(USER_SECS_SINCE_LAST_CLICK, seconds(now - s.lastClickMillis));
            put(m, USER_LAST_CLICK_CATEGORY, s.lastClickCategory);
        }
    }

    public static void putCrossFeatures(Map<String, String> m, CategoryCounts c, long now) {
        long imps = c == null ? 0 : WindowMath.sum(c.imps, BucketSpec.DAYS, now, WEEK);
        long clicks = c == null ? 0 : WindowMath.sum(c.clicks, BucketSpec.DAYS, now, WEEK);
        m.put(USER_CAT_IMPS_7D, count(imps));
        m.put(USER_CAT_CLICKS_7D, count(clicks));
        m.put(USER_CAT_CTR_7D, ratio(WindowMath.smoothedCtr(clicks, imps)));
    }

    public static void putItemFeatures(Map<String, String> m, ItemState s, long now) {
        long imps7d = s == null ? 0 : WindowMath.sum(s.impsHourly, BucketSpec.HOURS, now, WEEK);
        long clicks7d = s == null ? 0 : WindowMath.sum(s.clicksHourly, BucketSpec.HOURS, now, WEEK);
        m.put(ITEM_IMPS_1H, count(s == null ? 0 : WindowMath.sum(s.impsFine, BucketSpec.FIVE_MINUTES, now, HOUR)));
        m.put(ITEM_IMPS_24H, count(s == null ? 0 : WindowMath.sum(s.impsHourly, BucketSpec.HOURS, now, DAY)));
        m.put(ITEM_IMPS_7D, count(imps7d));
        m.put(ITEM_CLICKS_24H, count(s == null ? 0 : WindowMath.sum(s.clicksHourly, BucketSpec.HOURS, now, DAY)));
        m.put(ITEM_CLICKS_7D, count(clicks7d));
        m.put(ITEM_CTR_7D, ratio(WindowMath.smoothedCtr(clicks7d, imps7d)));
        m.put(ITEM_AGE_SECS, seconds(s == null ? 0 : now - s.firstSeenMillis));
    }

    static String count(long n) {
        return Long.toString(n);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.4f", r);
    }

    static String seconds(long millis) {
        return Long.toString(Math.max(0, millis) / 1000);
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}

package dev.elec.model.feature;

import static dev.elec.model.feature.FeatureKeys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The default spec: 26 encoded fields in 28 slots over the assembler's keys. */
final class DefaultFeatureSpec {
    static final String VERSION = "elec-features-v1";

    /** MovieLens genres; MovieLens uses the first genre as the category. */
    private static final List<String> GENRES =
            List.of(
                    "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary",
                    "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller",
                    "War", "Western", "Children", "IMAX", "(no genres listed)");

    /** MIND news categories. */
    private static final List<String> NEWS_CATEGORIES =
            List.of(
                    "news", "sports", "finance", "foodanddrink", "lifestyle", "travel", "video", "weather", "health",
                    "autos", "tv", "music", "movies", "entertainment", "kids", "middleeast", "northamerica", "games");

    private static final List<String> CATEGORIES =
            Stream.concat(GENRES.stream(), NEWS_CATEGORIES.stream()).toList();

    /** MovieLens occupations. */
    private static final List<String> OCCUPATIONS =
            List.of(
                    "administrator", "artist", "doctor", "educator", "engineer", "entertainment", "executive",
                    "healthcare", "homemaker", "lawyer", "librarian", "marketing", "none", "other", "programmer",
                    "retired", "salesman", "scientist", "student", "technician", "writer");

    /** Counts: 0, 1, 2-3, 4-7, ... (log2 scale). */
    private static final double[] COUNTS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096, 16384};

    private static final double[] RATIOS = {0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** Seconds: 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h, 1 d, 2 d, 1 w, 30 d, 90 d, 1 y, 5 y. */
    private static final double[] SECONDS = {
        60, 300, 900, 3600, 10800, 21600, 43200, 86400, 172800, 604800, 2592000, 7776000, 31536000, 157680000
    };

    private DefaultFeatureSpec() {}

    static FeatureSpec create() {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.hashed(USER_ID, 50_000));
        fields.add(FieldSpec.hashed(ITEM_ID, 50_000));
        fields.add(FieldSpec.buckets(POSITION, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50));
        fields.add(FieldSpec.buckets(HOUR_OF_DAY, range(1, 23)));
        fields.add(FieldSpec.buckets(DAY_OF_WEEK, range(1, 7)));
        fields.add(FieldSpec.buckets(USER_AGE, 18, 25, 35, 45, 50, 56, 65));
        fields.add(FieldSpec.vocab(USER_GENDER, List.of("M", "F")));
        fields.add(FieldSpec.vocab(USER_OCCUPATION, OCCUPATIONS));
        fields.add(FieldSpec.hashed(USER_ZIP, 2_000));
        fields.add(FieldSpec.vocab(ITEM_CATEGORY, CATEGORIES));
        fields.add(FieldSpec.hashed(ITEM_SUBCATEGORY, 1_000));
        fields.add(FieldSpec.multiVocab(ITEM_GENRES, 3, GENRES));
        fields.add(FieldSpec.buckets(ITEM_RELEASE_YEAR, 1930, 1950, 1960, 1970, 1980, 1985, 1990, 1993, 1995, 1996, 1997,
                1998, 2000, 2005, 2010, 2015, 2020));
        fields.add(FieldSpec.buckets(USER_IMPS_24H, COUNTS));
        fields.add(FieldSpec.buckets(USER_IMPS_7D, COUNTS));
        fields.add(FieldSpec.buckets(USER_CLICKS_7D, COUNTS));
        fields.add(FieldSpec.buckets(USER_CTR_7D, RATIOS));
        fields.add(FieldSpec.buckets(USER_SECS_SINCE_LAST_CLICK, SECONDS));
        fields.add(FieldSpec.vocab(USER_LAST_CLICK_CATEGORY, CATEGORIES));
        fields.add(FieldSpec.buckets(ITEM_IMPS_1H, COUNTS));
        fields.add(FieldSpec.buckets(ITEM_IMPS_24H, COUNTS));
        fields.add(FieldSpec.buckets(ITEM_IMPS_7D, COUNTS));
        fields.add(FieldSpec.buckets(ITEM_CLICKS_7D, COUNTS));
        fields.add(FieldSpec.buckets(ITEM_CTR_7D, RATIOS));
        fields.add(FieldSpec.buckets(ITEM_AGE_SECS, SECONDS));
        fields.add(FieldSpec.buckets(USER_CAT_CTR_7D, RATIOS));

        List<TextField> text =
                List.of(
                        new TextField(USER_GENDER, "Gender", TextSegment.USER, false, Map.of("M", "male", "F", "female")),
                        TextField.of(USER_AGE, "Age", TextSegment.USER),
                        TextField.of(USER_OCCUPATION, "Occupation", TextSegment.USER),
                        TextField.of(ITEM_TITLE, "Title", TextSegment.ITEM),
                        new TextField(ITEM_GENRES, "Genres", TextSegment.ITEM, true, Map.of()),
                        TextField.of(ITEM_CATEGORY, "Category", TextSegment.ITEM),
                        TextField.of(ITEM_SUBCATEGORY, "Subcategory", TextSegment.ITEM),
                        TextField.of(POSITION, "Position", TextSegment.CONTEXT),
                        TextField.of(HOUR_OF_DAY, "Hour of day", TextSegment.CONTEXT));
        return new FeatureSpec(VERSION, fields, text);
    }

    private static double[] range(int from, int to) {
        double[] out = new double[to - from + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}

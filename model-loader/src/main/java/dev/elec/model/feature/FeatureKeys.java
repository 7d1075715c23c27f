package dev.elec.model.feature;

/** Raw value keys produced by the streaming job's feature assembler (see the team contract). */
public final class FeatureKeys {
    // static, from the impression
    public static final String USER_ID = "user_id";
    public static final String ITEM_ID = "item_id";
    public static final String POSITION = "position";
    public static final String HOUR_OF_DAY = "hour_of_day";
    public static final String DAY_OF_WEEK = "day_of_week";
    public static final String USER_AGE = "user_age";
    public static final String USER_GENDER = "user_gender";
    public static final String USER_OCCUPATION = "user_occupation";
    public static final String USER_ZIP = "user_zip";
    public static final String ITEM_CATEGORY = "item_category";
    public static final String ITEM_SUBCATEGORY = "item_subcategory";
    public static final String ITEM_GENRES = "item_genres";
    public static final String ITEM_RELEASE_YEAR = "item_release_year";
    /** Text only: never encoded into ids. */
    public static final String ITEM_TITLE = "item_title";

    // dynamic, from keyed state
    public static final String USER_IMPS_1H = "user_imps_1h";
    public static final String USER_IMPS_24H = "user_imps_24h";
    public static final String USER_IMPS_7D = "user_imps_7d";
    public static final String USER_CLICKS_24H = "user_clicks_24h";
    public static final String USER_CLICKS_7D = "user_clicks_7d";
    public static final String USER_CTR_7D = "user_ctr_7d";
    public static final String USER_SECS_SINCE_LAST_CLICK = "user_secs_since_last_click";
    public static final String USER_LAST_CLICK_CATEGORY = "user_last_click_category";
    public static final String ITEM_IMPS_1H = "item_imps_1h";
    public static final String ITEM_IMPS_24H = "item_imps_24h";
    public static final String ITEM_IMPS_7D = "item_imps_7d";
    public static final String ITEM_CLICKS_24H = "item_clicks_24h";
    public static final String ITEM_CLICKS_7D = "item_clicks_7d";
    public static final String ITEM_CTR_7D = "item_ctr_7d";
    public static final String ITEM_AGE_SECS = "item_age_secs";
    public static final String USER_CAT_IMPS_7D = "user_cat_imps_7d";
    public static final String USER_CAT_CLICKS_7D = "user_cat_clicks_7d";
    public static final String USER_CAT_CTR_7D = "user_cat_ctr_7d";

    /** Separator of multi-valued raw values, e.g. genres "Comedy|Drama". */
    public static final String MULTI_VALUE_SEPARATOR = "|";

    private FeatureKeys() {}
}

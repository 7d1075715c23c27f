package dev.elec.schemas;

/** Default Kafka topic names. */
public final class Topics {
    public static final String IMPRESSIONS = "elec.impressions";
    public static final String CLICKS = "elec.clicks";
    public static final String SCORES = "elec.scores";
    public static final String SAMPLES = "elec.samples";
    public static final String MODEL_UPDATES = "elec.model-updates";
    public static final String DEAD_LETTERS = "elec.dead-letters";

    private Topics() {
    }
}

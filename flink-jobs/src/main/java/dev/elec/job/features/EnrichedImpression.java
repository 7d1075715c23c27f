package dev.elec.job.features;

import dev.elec.avro.Impression;
import java.util.Map;

/** An impression with all its raw feature values, ready to score (Flink POJO). */
public class EnrichedImpression {

    public Impression impression;
    public Map<String, String> features;

    public EnrichedImpression() {}

    public EnrichedImpression(Impression impression, Map<String, String> features) {
        this.impression = impression;
        this.features = features;
    }
}

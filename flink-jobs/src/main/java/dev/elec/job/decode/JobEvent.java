package dev.elec.job.decode;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import java.util.Map;
import java.util.Objects;

/**
 * An impression or a click on the way through the feature stages (Flink POJO: exactly one of the
 * two is set). {@code features} collects an impression's raw feature values stage by stage;
 * {@code category} is the category of a clicked item, filled in by the user stage from the
 * impressions it saw.
 */
public class JobEvent {

    public Impression impression;
    public Click click;
    public Map<String, String> features;
    public String category;

    public JobEvent() {}

    public static JobEvent of(Impression impression) {
        JobEvent e = new JobEvent();
        e.impression = Objects.requireNonNull(impression);
        return e;
    }

    public static JobEvent of(Click click) {
        JobEvent e = new JobEvent();
        e.click = Objects.requireNonNull(click);
        return e;
    }

    public boolean isImpression() {
        return impression != null;
    }

    public String userId() {
        return isImpression() ? impression.getUserId() : click.getUserId();
    }

    public String itemId() {
        return isImpression() ? impression.getItemId() : click.getItemId();
    }

    public long eventTimeMillis() {
        return (isImpression() ? impression.getEventTime() : click.getEventTime()).toEpochMilli();
    }

    @Override
    public String toString() {
        return isImpression() ? "JobEvent{" + impression.getImpressionId() + "}" : "JobEvent{click " + click.getClickId() + "}";
    }
}

package dev.elec.replay;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** The events of one dataset, plus the lines that could not be read. Lists are immutable. */
public record EventLog(List<Impression> impressions, List<Click> clicks, List<BadLine> badLines) {

    private static final Comparator<SpecificRecord> EVENT_TIME_ORDER =
            Comparator.comparing(EventLog::eventTime).thenComparingInt(r -> r instanceof Impression ? 0 : 1);

    public EventLog {
        impressions = List.copyOf(impressions);
        clicks = List.copyOf(clicks);
        badLines = List.copyOf(badLines);
    }

    /** A log of the given events, each list stably sorted by event time (equal times keep the lists' order). */
    static EventLog sortedByEventTime(List<Impression> impressions, List<Click> clicks, List<BadLine> badLines) {
        List<Impression> sortedImpressions = new ArrayList<>(impressions);
        sortedImpressions.sort(Comparator.comparing(Impression::getEventTime));
        List<Click> sortedClicks = new ArrayList<>(clicks);
        sortedClicks.sort(Comparator.comparing(Click::getEventTime));
        return new EventLog(sortedImpressions, sortedClicks, badLines);
    }

    /**
     * Impressions and clicks merged by event time; on equal times impressions come first, otherwise
     * the order of the lists is kept.
     */
    public List<SpecificRecord> inEventTimeOrder() {
        List<SpecificRecord> all = new ArrayList<>(impressions.size() + clicks.size());
        all.addAll(impressions);
        all.addAll(clicks);
        all.sort(EVENT_TIME_ORDER);
        return all;
    }

    static Instant eventTime(SpecificRecord event) {
        if (event instanceof Impression impression) {
            return impression.getEventTime();
        }
        if (event instanceof Click click) {
            return click.getEventTime();
        }
        throw new IllegalArgumentException("not an impression or click: " + event.getClass().getName());
    }
}

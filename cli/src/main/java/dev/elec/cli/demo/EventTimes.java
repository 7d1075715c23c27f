package dev.elec.cli.demo;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.replay.EventLog;
import org.apache.avro.specific.SpecificRecord;

/** Event time of the replayed records. */
final class EventTimes {
    private EventTimes() {}

    static long of(SpecificRecord event) {
        if (event instanceof Impression impression) {
            return impression.getEventTime().toEpochMilli();
        }
        if (event instanceof Click click) {
            return click.getEventTime().toEpochMilli();
        }
        throw new IllegalArgumentException("not an impression or click: " + event.getClass().getName());
    }

    static long first(EventLog log) {
        return log.impressions().stream().mapToLong(i -> i.getEventTime().toEpochMilli()).min()
                .orElseThrow(() -> new IllegalArgumentException("the dataset has no impressions"));
    }

    static long last(EventLog log) {
        return log.impressions().stream().mapToLong(i -> i.getEventTime().toEpochMilli()).max()
                .orElseThrow(() -> new IllegalArgumentException("the dataset has no impressions"));
    }
}

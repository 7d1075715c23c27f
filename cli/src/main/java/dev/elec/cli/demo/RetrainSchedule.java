package dev.elec.cli.demo;

import dev.elec.replay.EventLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When, in event time, the demo retrains: every {@code every} after the stream's first impression (by
 * default the stream's span divided into {@code retrains + 1} equal parts), as long as the stream lasts.
 */
record RetrainSchedule(Instant start, Duration every, List<Instant> points) {

    static RetrainSchedule of(EventLog log, int retrains, Duration every) {
        long first = EventTimes.first(log);
        long last = EventTimes.last(log);
        Duration step = every != null ? every : Duration.ofMillis((last - first) / (retrains + 1));
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("the retrain interval must be positive, got " + step);
        }
        List<Instant> points = new ArrayList<>();
        for (int k = 1; k <= retrains; k++) {
            long point = first + k * step.toMillis();
            if (point > last) {
                break;
            }
            points.add(Instant.ofEpochMilli(point));
        }
        return new RetrainSchedule(Instant.ofEpochMilli(first), step, List.copyOf(points));
    }
}

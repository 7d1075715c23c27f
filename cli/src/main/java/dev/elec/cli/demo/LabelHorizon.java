package dev.elec.cli.demo;

import dev.elec.avro.Impression;
import dev.elec.replay.EventLog;
import java.time.Duration;
import java.util.Arrays;

/**
 * How many labeled samples the job owes once it has read every input partition up to an event time: every
 * impression whose attribution window has closed under the watermark that event time yields (its time minus
 * the allowed out-of-orderness).
 */
final class LabelHorizon {

    private final long[] impressionTimes;
    private final long windowMillis;
    private final long outOfOrdernessMillis;

    LabelHorizon(EventLog log, Duration attributionWindow, Duration outOfOrderness) {
        this.impressionTimes = log.impressions().stream().map(Impression::getEventTime).mapToLong(t -> t.toEpochMilli())
                .sorted().toArray();
        this.windowMillis = attributionWindow.toMillis();
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
    }

    long expectedSamples(long slowestPartitionEventTime) {
        // the watermark is the largest timestamp minus the out-of-orderness minus 1 ms; a window closes when it
        // reaches the impression's time plus the window
        long watermark = slowestPartitionEventTime - outOfOrdernessMillis - 1;
        long latestClosed = watermark - windowMillis;
        int i = Arrays.binarySearch(impressionTimes, latestClosed);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < impressionTimes.length && impressionTimes[i + 1] == latestClosed) {
            i++;
        }
        return i + 1;
    }
}

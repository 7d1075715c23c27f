package dev.elec.job.decode;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** Checks a decoded event: ids present, event time after the epoch and not too far in the future. */
final class EventValidator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long maxFutureSkewMillis;

    EventValidator(Duration maxFutureSkew) {
        this.maxFutureSkewMillis = maxFutureSkew.toMillis();
    }

    /** The impression, or the reason it is unusable. */
    DecodeOutcome<Impression> check(Impression imp, long nowMillis) {
        String missing = firstBlank("impressionId", imp.getImpressionId(), "userId", imp.getUserId(), "itemId", imp.getItemId());
        if (missing != null) {
            return DecodeOutcome.rejected(DeadLetterReason.MISSING_ID, "impression without " + missing);
        }
        DecodeOutcome<Impression> time = checkTime(imp.getEventTime(), nowMillis);
        return time != null ? time : DecodeOutcome.ok(imp);
    }

    DecodeOutcome<Click> check(Click click, long nowMillis) {
        String missing = firstBlank("clickId", click.getClickId(), "impressionId", click.getImpressionId(),
                "userId", click.getUserId(), "itemId", click.getItemId());
        if (missing != null) {
            return DecodeOutcome.rejected(DeadLetterReason.MISSING_ID, "click without " + missing);
        }
        DecodeOutcome<Click> time = checkTime(click.getEventTime(), nowMillis);
        return time != null ? time : DecodeOutcome.ok(click);
    }

    private <T extends SpecificRecord> DecodeOutcome<T> checkTime(Instant eventTime, long nowMillis) {
        long t = eventTime.toEpochMilli();
        if (t < 0) {
            return DecodeOutcome.rejected(DeadLetterReason.PRE_EPOCH_TIMESTAMP, "event time " + eventTime + " is before the epoch");
        }
        if (t > nowMillis + maxFutureSkewMillis) {
            return DecodeOutcome.rejected(DeadLetterReason.FUTURE_TIMESTAMP,
                    "event time " + eventTime + " is more than " + Duration.ofMillis(maxFutureSkewMillis) + " ahead of "
                            + Instant.ofEpochMilli(nowMillis));
        }
        return null;
    }

    private static String firstBlank(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String v = namesAndValues[i + 1];
            if (v == null || v.isBlank()) {
                return namesAndValues[i];
            }
        }
        return null;
    }
}

package dev.elec.job.decode;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.schemas.AvroSerde;
import dev.elec.schemas.RecordDecodeException;
import java.io.Serializable;
import java.time.Duration;

/** Bytes to a valid impression or click, or the dead-letter reason. Pure and thread-safe. */
public final class EventDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final EventValidator validator;
    private final AvroSerde<Impression> impressions = AvroSerde.impressions();
    private final AvroSerde<Click> clicks = AvroSerde.clicks();

    public EventDecoder(Duration maxFutureSkew) {
        this.validator = new EventValidator(maxFutureSkew);
    }

    public DecodeOutcome<Impression> impression(byte[] bytes, long nowMillis) {
        try {
            return validator.check(impressions.deserialize(bytes), nowMillis);
        } catch (RecordDecodeException e) {
            return DecodeOutcome.rejected(DeadLetterReason.of(e.reason()), e.getMessage());
        } catch (RuntimeException e) {
            return DecodeOutcome.rejected(DeadLetterReason.CORRUPT, "impression: " + e);
        }
    }

    public DecodeOutcome<Click> click(byte[] bytes, long nowMillis) {
        try {
            return validator.check(clicks.deserialize(bytes), nowMillis);
        } catch (RecordDecodeException e) {
            return DecodeOutcome.rejected(DeadLetterReason.of(e.reason()), e.getMessage());
        } catch (RuntimeException e) {
            return DecodeOutcome.rejected(DeadLetterReason.CORRUPT, "click: " + e);
        }
    }
}

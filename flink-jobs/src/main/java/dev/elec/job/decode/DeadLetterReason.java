package dev.elec.job.decode;

import dev.elec.schemas.DecodeFailure;

/** Stable reason codes written to the dead-letter topic; one counter per value. */
public enum DeadLetterReason {
    EMPTY,
    NOT_SINGLE_OBJECT,
    UNKNOWN_SCHEMA,
    TRUNCATED,
    CORRUPT,
    MISSING_ID,
    FUTURE_TIMESTAMP,
    PRE_EPOCH_TIMESTAMP;

    static DeadLetterReason of(DecodeFailure failure) {
        for (DeadLetterReason reason : values()) {
            if (reason.name().equals(failure.name())) {
                return reason;
            }
        }
        return CORRUPT;
    }
}

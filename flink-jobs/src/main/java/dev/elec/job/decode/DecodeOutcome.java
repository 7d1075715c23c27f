package dev.elec.job.decode;

import org.apache.avro.specific.SpecificRecord;

/** The result of decoding one raw record: an event, or why it is a dead letter. */
public record DecodeOutcome<T extends SpecificRecord>(T event, DeadLetterReason reason, String detail) {

    static <T extends SpecificRecord> DecodeOutcome<T> ok(T event) {
        return new DecodeOutcome<>(event, null, null);
    }

    static <T extends SpecificRecord> DecodeOutcome<T> rejected(DeadLetterReason reason, String detail) {
        return new DecodeOutcome<>(null, reason, detail);
    }

    public boolean isOk() {
        return event != null;
    }
}

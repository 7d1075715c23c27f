package dev.elec.job.decode;

import dev.elec.avro.DeadLetter;

/**
 * What a source yields for one input record: the decoded event, or the dead letter it became (Flink
 * POJO: exactly one of the two is set). Decoding in the source lets the source assign event time, and
 * so track watermarks per Kafka partition.
 */
public class DecodedRecord {

    public JobEvent event;
    public DeadLetter deadLetter;

    public DecodedRecord() {}

    static DecodedRecord of(JobEvent event) {
        DecodedRecord r = new DecodedRecord();
        r.event = event;
        return r;
    }

    static DecodedRecord of(DeadLetter deadLetter) {
        DecodedRecord r = new DecodedRecord();
        r.deadLetter = deadLetter;
        return r;
    }

    /** The event's time; for a dead letter the lowest value, so that it never moves a watermark. */
    public long eventTimeMillis() {
        return event != null ? event.eventTimeMillis() : Long.MIN_VALUE;
    }

    @Override
    public String toString() {
        return event != null ? "DecodedRecord{" + event + "}" : "DecodedRecord{dead letter " + deadLetter.getReason() + "}";
    }
}

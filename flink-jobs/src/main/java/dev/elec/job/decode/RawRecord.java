package dev.elec.job.decode;

import java.util.Arrays;

/** One undecoded input record and where it came from (Flink POJO). */
public class RawRecord {

    public String topic;
    public int partition;
    public long offset;
    public byte[] value;

    public RawRecord() {}

    public RawRecord(String topic, int partition, long offset, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.value = value;
    }

    @Override
    public String toString() {
        return "RawRecord{" + topic + "-" + partition + "@" + offset + ", " + (value == null ? "null" : value.length + " bytes") + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRecord r && r.topic.equals(topic) && r.partition == partition && r.offset == offset
                && Arrays.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return topic.hashCode() * 31 + Long.hashCode(offset);
    }
}

package dev.elec.job.sink;

import dev.elec.avro.LabeledSample;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Partitions sample files by the impression's event hour (UTC): {@code dt=2019-11-09/hour=13}. */
public final class EventHourBucketAssigner implements BucketAssigner<LabeledSample, String> {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hour='HH").withZone(ZoneOffset.UTC);

    public static String bucketOf(LabeledSample sample) {
        return FORMAT.format(sample.getImpression().getEventTime());
    }

    @Override
    public String getBucketId(LabeledSample element, Context context) {
        return bucketOf(element);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}

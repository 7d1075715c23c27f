package dev.elec.job;

import dev.elec.avro.LabeledSample;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;

/** Slows scored records down while {@link #ON} is set, so that a test can act mid-stream. */
final class Throttle implements MapFunction<LabeledSample, LabeledSample> {

    private static final long serialVersionUID = 1L;
    static final AtomicBoolean ON = new AtomicBoolean();

    @Override
    public LabeledSample map(LabeledSample value) throws InterruptedException {
        if (ON.get()) {
            Thread.sleep(40);
        }
        return value;
    }
}

package dev.elec.job;

import dev.elec.avro.LabeledSample;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Passes records through and notes (JVM-wide) whether it ever ran as a restarted attempt: a test
 * then knows whether the job replayed from a checkpoint, which at-least-once outputs and
 * per-attempt accumulators reflect.
 */
final class RestartProbe extends RichMapFunction<LabeledSample, LabeledSample> {

    private static final long serialVersionUID = 1L;
    static final AtomicBoolean RESTARTED = new AtomicBoolean();

    @Override
    public void open(OpenContext openContext) {
        if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
            RESTARTED.set(true);
        }
    }

    @Override
    public LabeledSample map(LabeledSample value) {
        return value;
    }
}

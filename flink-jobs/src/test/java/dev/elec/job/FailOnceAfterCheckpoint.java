package dev.elec.job;

import dev.elec.avro.LabeledSample;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Throws once (JVM-wide flag: the function is re-created on restart) on the first record after a
 * checkpoint completed, so the job recovers from that checkpoint. Until then it slows records down
 * so that a checkpoint completes mid-stream; on a machine too busy for that it throws at its
 * {@value #LAST_CHANCE}th record anyway (the job then restarts from the latest checkpoint, if any).
 */
final class FailOnceAfterCheckpoint implements MapFunction<LabeledSample, LabeledSample>, CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final int LAST_CHANCE = 280;
    static final AtomicBoolean FAILED = new AtomicBoolean();

    private transient boolean checkpointed;
    private transient int seen;

    @Override
    public LabeledSample map(LabeledSample value) throws InterruptedException {
        seen++;
        if ((checkpointed || seen >= LAST_CHANCE) && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure after " + seen + " records, checkpointed: " + checkpointed);
        }
        if (!FAILED.get()) {
            Thread.sleep(20);
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}

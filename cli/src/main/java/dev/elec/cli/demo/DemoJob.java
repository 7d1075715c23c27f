package dev.elec.cli.demo;

import dev.elec.job.ElecJob;
import dev.elec.job.config.JobConfig;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The streaming job as {@code bin/elec job} runs it (Kafka in; scores, samples to Kafka and hourly Avro
 * files, dead letters out; RocksDB state, exactly-once checkpoints), submitted to a local MiniCluster in the
 * background so that the demo can watch it and cancel it.
 */
final class DemoJob implements AutoCloseable {

    private final JobClient client;

    private DemoJob(JobClient client) {
        this.client = client;
    }

    static DemoJob start(JobConfig config) throws Exception {
        Configuration flink = ElecJob.flinkConfiguration(config, true);
        // a failure that repeats should end the demo, not loop forever
        flink.setString("restart-strategy.type", "fixed-delay");
        flink.setString("restart-strategy.fixed-delay.attempts", "3");
        flink.setString("restart-strategy.fixed-delay.delay", "1 s");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), flink);
        return new DemoJob(ElecJob.live(config).executeAsync(env));
    }

    /** Throws when the job has ended on its own (it runs until cancelled, so that is a failure). */
    void check() {
        if (!client.getJobExecutionResult().isDone()) {
            return;
        }
        try {
            client.getJobExecutionResult().get();
            throw new IllegalStateException("the streaming job ended unexpectedly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the streaming job failed: " + rootMessage(cause), cause);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root + ")";
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        if (client.getJobExecutionResult().isDone()) {
            return;
        }
        try {
            client.cancel().get(15, TimeUnit.SECONDS);
            client.getJobExecutionResult().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // cancelled: the expected end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

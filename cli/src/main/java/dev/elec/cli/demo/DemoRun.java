package dev.elec.cli.demo;

import dev.elec.job.config.JobConfig;
import dev.elec.kafka.LocalKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The whole loop on one machine: an in-process Kafka broker, the streaming job on a local Flink, a paced
 * replay of a dataset, and retrains at points of event time whose models the running job hot-swaps.
 * {@link #close()} stops everything and may be called from a shutdown hook at any moment.
 */
public final class DemoRun implements AutoCloseable {

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    private final DemoSettings settings;
    private final PrintWriter err;
    private final boolean terminal;
    private final DemoStats stats = new DemoStats();
    private final List<DemoRetrainer.Result> retrains = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Path rocksDbDir = Path.of("/tmp", "elec-demo-rdb-" + UUID.randomUUID().toString().substring(0, 8));
    private volatile LocalKafka kafka;
    private volatile DemoJob job;
    private volatile TopicWatcher watcher;
    private volatile PacedReplay replay;
    private volatile StatusLine status;

    public DemoRun(DemoSettings settings, PrintWriter err, boolean terminal) {
        this.settings = settings;
        this.err = err;
        this.terminal = terminal;
    }

    public DemoSummary run() throws Exception {
        long start = System.nanoTime();
        RetrainSchedule schedule = RetrainSchedule.of(settings.log(), settings.retrains(), settings.retrainEvery());
        Path work = Files.createDirectories(settings.workDir().toAbsolutePath());
        announce(schedule, work);
        JobConfig config = startStack(work);
        List<Instant> points = schedule.points();
        if (settings.holdDuringRetrain() && !points.isEmpty()) {
            replay.holdFrom(points.get(0));
        }
        Thread replayThread = new Thread(replay, "elec-demo-replay");
        replayThread.setDaemon(true);
        replayThread.start();

        LabelHorizon horizon = new LabelHorizon(settings.log(), config.attributionWindow(), config.outOfOrderness());
        retrainAlongTheStream(points, horizon, new DemoRetrainer(work.resolve("samples"), work, work.resolve("registry"),
                kafka.bootstrapServers(), config.modelUpdatesTopic(), settings.preset()));
        status.phase("replaying to the end");
        await(replay::isFinished, null);
        replay.check();
        status.phase("draining: the job labels the last samples");
        settle(horizon);
        DemoStats.Snapshot snapshot = stats.snapshot(replay.impressionsSent(), replay.clicksSent());
        close();
        return new DemoSummary(settings.dataset(), settings.eventsPerSecond(),
                (System.nanoTime() - start) / 1_000_000_000L, snapshot, List.copyOf(retrains));
    }

    /** Broker and topics, the job (until its first checkpoint, when every task runs), the watcher, the status line. */
    private JobConfig startStack(Path work) throws Exception {
        kafka = LocalKafka.start();
        Path checkpoints = work.resolve("checkpoints");
        JobConfig config = jobConfig(kafka.bootstrapServers(), Files.createDirectories(work.resolve("samples")),
                work.resolve("registry"), checkpoints);
        kafka.createTopics(1, config.modelUpdatesTopic());
        kafka.createTopics(2, config.impressionsTopic(), config.clicksTopic(), config.scoresTopic(), config.samplesTopic(),
                config.deadLettersTopic());
        job = DemoJob.start(config);
        watcher = new TopicWatcher(kafka.bootstrapServers(), new TopicWatcher.Topics(config.scoresTopic(),
                config.samplesTopic(), config.deadLettersTopic()), stats);
        watcher.start();
        replay = new PacedReplay(settings.log(), kafka.bootstrapServers(), config.impressionsTopic(),
                config.clicksTopic(), settings.eventsPerSecond(), stats::impressionSent);
        status = new StatusLine(stats, replay, err, terminal);
        status.start();
        status.phase("starting the job");
        // replaying into a job that is still deploying would count its start-up as score latency
        await(() -> hasCompletedCheckpoint(checkpoints), Duration.ofMinutes(2));
        return config;
    }

    /** At each point of event time: (hold the replay,) let the job label what it can, retrain, go on. */
    private void retrainAlongTheStream(List<Instant> points, LabelHorizon horizon, DemoRetrainer retrainer)
            throws InterruptedException {
        for (int k = 0; k < points.size(); k++) {
            Instant point = points.get(k);
            status.phase("replaying; retrain " + (k + 1) + " at " + day(point));
            if (!reach(point)) {
                break;
            }
            if (settings.holdDuringRetrain()) {
                status.phase("replay held at " + day(point) + "; the job labels what it can");
                settle(horizon);
            }
            status.phase("retrain " + (k + 1) + ": training on " + String.format(Locale.ROOT, "%,d", stats.samples())
                    + " samples");
            DemoRetrainer.Result result = retrainer.retrain(k + 1);
            retrains.add(result);
            status.message(String.format(Locale.ROOT, "elec demo: retrain %d on samples up to %s: %s (%.0f s; log %s)",
                    k + 1, day(point), outcome(result), result.seconds(), retrainer.dir(k + 1)));
            if (settings.holdDuringRetrain()) {
                replay.holdFrom(k + 1 < points.size() ? points.get(k + 1) : Instant.ofEpochMilli(Long.MAX_VALUE));
            }
        }
        replay.release();
    }

    private void announce(RetrainSchedule schedule, Path work) {
        err.printf(Locale.ROOT, "elec demo: %s, %,d impressions and %,d clicks from %s to %s, replayed %s%n",
                settings.dataset(), settings.log().impressions().size(), settings.log().clicks().size(),
                day(schedule.start()), day(Instant.ofEpochMilli(EventTimes.last(settings.log()))),
                settings.eventsPerSecond() > 0 ? String.format(Locale.ROOT, "at %.0f events/s", settings.eventsPerSecond())
                        : "as fast as possible");
        List<String> days = schedule.points().stream().map(DemoRun::day).toList();
        err.printf(Locale.ROOT, "elec demo: the prior serves until a model exists; retrains (event time): %s%s%n",
                days.isEmpty() ? "none" : String.join(", ", days),
                settings.holdDuringRetrain() && !days.isEmpty() ? "; the replay holds while a retrain runs" : "");
        err.printf("elec demo: work dir %s (samples, registry, retrain reports)%n", work);
        err.flush();
    }

    /** Waits until the replay holds at (or, without holding, has passed) {@code point}; false if it ended first. */
    private boolean reach(Instant point) throws InterruptedException {
        if (settings.holdDuringRetrain()) {
            await(() -> replay.isHeldAt(point) || replay.isFinished(), null);
            return replay.isHeldAt(point);
        }
        await(() -> replay.isFinished() || (replay.position() != null && !replay.position().isBefore(point)), null);
        return !replay.isFinished();
    }

    /**
     * Waits until the job has scored every impression sent and committed every sample it can label so far
     * (those whose attribution window the watermark has closed), so that a retrain sees them all.
     */
    private void settle(LabelHorizon horizon) throws InterruptedException {
        Instant position = replay.slowestPartitionPosition();
        long expected = position == null ? 0 : horizon.expectedSamples(position.toEpochMilli());
        boolean settled = await(() -> stats.scores() >= replay.impressionsSent() && stats.samples() >= expected,
                SETTLE_TIMEOUT);
        if (!settled) {
            status.message(String.format(Locale.ROOT, "elec demo: after %d s the job has committed %,d of %,d samples; going on",
                    SETTLE_TIMEOUT.toSeconds(), stats.samples(), expected));
        }
        // the sample files commit on the same checkpoint as the samples topic, in another operator
        Thread.sleep(1000);
    }

    /** Polls {@code done} while checking that the job, the watcher and the replay still run; false on timeout. */
    private boolean await(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (closed.get()) {
                throw new InterruptedException("the demo was stopped");
            }
            job.check();
            watcher.check();
            replay.check();
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    private static boolean hasCompletedCheckpoint(Path checkpoints) {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(checkpoints, 3)) {
            return files.anyMatch(p -> p.getFileName().toString().equals("_metadata"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private JobConfig jobConfig(String bootstrap, Path samplesDir, Path registryDir, Path checkpoints) {
        Map<String, String> demo = new LinkedHashMap<>();
        demo.put(JobConfig.BOOTSTRAP_SERVERS, bootstrap);
        demo.put(JobConfig.GROUP_ID, "elec-demo");
        demo.put(JobConfig.TRANSACTIONAL_ID_PREFIX, "elec-demo-" + UUID.randomUUID().toString().substring(0, 8));
        demo.put(JobConfig.SAMPLES_DIR, samplesDir.toUri().toString());
        demo.put(JobConfig.CHECKPOINT_DIR, checkpoints.toUri().toString());
        demo.put(JobConfig.CHECKPOINT_INTERVAL, "5s");
        demo.put(JobConfig.ROCKSDB_LOCAL_DIR, rocksDbDir.toString());
        demo.put(JobConfig.PARALLELISM, "1");
        // the replay holds while a retrain runs; an idle partition would let the other's watermark run ahead
        // on resume, and impressions read after their clicks would turn those clicks into orphans
        demo.put(JobConfig.IDLENESS, "0s");
        demo.put(JobConfig.REGISTRY_DIR, registryDir.toString());
        demo.putAll(settings.jobOverrides());
        return JobConfig.load(settings.jobConfigFile(), demo);
    }

    private static String outcome(DemoRetrainer.Result r) {
        String auc = r.testAuc() == null ? "" : String.format(Locale.ROOT, ", test AUC %.4f", r.testAuc());
        if (r.published()) {
            return String.format(Locale.ROOT, "%,d samples%s, published %s, the job hot-swaps it", r.rows(), auc, r.version());
        }
        return String.format(Locale.ROOT, "%,d samples%s, not published (exit %d: %s)", r.rows(), auc, r.exitCode(), r.note());
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** Stops the replay, cancels the job, stops the broker; safe to call twice and from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        quietly(status);
        if (replay != null) {
            replay.stop();
        }
        quietly(job);
        quietly(watcher);
        quietly(kafka);
        deleteQuietly(rocksDbDir);
    }

    private void quietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            err.println("elec demo: while stopping " + resource.getClass().getSimpleName() + ": " + e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}

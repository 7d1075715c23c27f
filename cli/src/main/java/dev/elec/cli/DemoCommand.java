package dev.elec.cli;

import dev.elec.cli.demo.DemoRun;
import dev.elec.cli.demo.DemoSettings;
import dev.elec.cli.demo.DemoSummary;
import dev.elec.cli.demo.TrainingPreset;
import dev.elec.replay.DatasetMissingException;
import dev.elec.replay.DatasetName;
import dev.elec.replay.EventLog;
import dev.elec.trainer.text.TextMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "The whole system on this machine in one command: an in-process Kafka broker, the streaming job on a "
                    + "local Flink (RocksDB state, checkpoints) and a steady replay of movielens-100k (the synthetic "
                    + "dataset when it is absent). The prior scorer serves until a model exists; at points of event "
                    + "time the trainer (ELEC, segment mode, the shipped MiniLM) retrains on the labeled samples the "
                    + "job has written, publishes through the registry and announces the model, and the running job "
                    + "hot-swaps it.",
            "A status line shows progress; at the end a table (stderr) and one JSON line (stdout) give the online "
                    + "AUC of each model version, measured on the labeled samples of the scores it produced.",
            "By default the replay holds while a retrain runs: the demo compresses months of event time into "
                    + "minutes, and a retrain that takes a minute would otherwise span weeks of the stream."
        })
final class DemoCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec CommandSpec spec;

    private DatasetName loadedDataset;

    @Option(names = "--dataset", converter = DatasetConverter.class, paramLabel = "NAME",
            description = "movielens-100k, mind or synthetic (default: movielens-100k, or synthetic when it is absent).")
    DatasetName dataset;

    @Mixin DataDirOption data = new DataDirOption();

    @Mixin SyntheticOptions synthetic = new SyntheticOptions();

    @Option(names = "--rate", paramLabel = "EVENTS_PER_S",
            description = "Replay pace in events (impressions + clicks) per second; 0: as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate = 1000;

    @Option(names = "--retrains", paramLabel = "N", description = "Retrains during the stream (default: ${DEFAULT-VALUE}).")
    int retrains = 2;

    @Option(names = "--retrain-every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Event time between retrains, from the stream's start, e.g. 70d or 12h "
                    + "(default: the stream's span divided into retrains + 1 parts).")
    Duration retrainEvery;

    @Option(names = "--hold-during-retrain", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Hold the replay while a retrain runs (default: ${DEFAULT-VALUE}).")
    boolean hold = true;

    @Option(names = "--seeds", paramLabel = "N", description = "Trainer seeds per retrain (default: ${DEFAULT-VALUE}).")
    int seeds = TrainingPreset.demo().seeds();

    @Option(names = "--epochs", paramLabel = "N", description = "Trainer epochs per retrain (default: ${DEFAULT-VALUE}).")
    int epochs = TrainingPreset.demo().epochs();

    @Option(names = "--text-mode", paramLabel = "row|segment",
            description = "How the LLM reads a sample (default: segment).")
    String textMode = TextMode.SEGMENT.cliName();

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where samples, registry and retrain reports go (default: runs/demo-<time> in the repository).")
    Path workDir;

    @Mixin JobConfigOptions config = new JobConfigOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        quietLibraryWarnings();
        EventLog log = load(err);
        DemoSettings settings = new DemoSettings(loadedDataset.cliName(), log, rate, retrains, retrainEvery, hold,
                new TrainingPreset(seeds, epochs, TextMode.parse(textMode)), workDir(), config.file, config.overrides);
        DemoRun run = new DemoRun(settings, err, System.console() != null);
        Thread stopOnSignal = new Thread(() -> {
            err.println();
            err.println("elec demo: stopping (job, broker)...");
            run.close();
            err.flush();
        }, "elec-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        DemoSummary summary;
        try {
            summary = run.run();
        } finally {
            run.close();
            removeHook(stopOnSignal);
        }
        err.println();
        err.print(summary.table());
        if (!summary.distilledBeatPrior(Math.min(1, retrains))) {
            err.println("note: not every distilled version beat the prior's online AUC in this run");
        }
        err.flush();
        spec.commandLine().getOut().println(JsonLine.of(summary.json()));
        return ExitCodes.OK;
    }

    private EventLog load(PrintWriter err) {
        loadedDataset = dataset != null ? dataset : DatasetName.MOVIELENS_100K;
        if (dataset != null) {
            return DatasetLoading.load(dataset, data, synthetic, err);
        }
        try {
            return DatasetLoading.load(DatasetName.MOVIELENS_100K, data, synthetic, err);
        } catch (DatasetMissingException e) {
            err.println("elec demo: movielens-100k is absent (" + e.getMessage() + "); replaying the synthetic dataset instead");
            loadedDataset = DatasetName.SYNTHETIC;
            return DatasetLoading.load(DatasetName.SYNTHETIC, data, synthetic, err);
        }
    }

    private Path workDir() {
        if (workDir != null) {
            return workDir;
        }
        return Path.of(System.getProperty("elec.home", ".")).resolve("runs").resolve("demo-" + STAMP.format(Instant.now()));
    }

    /**
     * Warnings that repeat on every checkpoint or retrain and tell a demo user nothing (metric name
     * collisions of the sinks' committers, deprecated Flink keys, no GPU, broker shutdown chatter).
     */
    private static void quietLibraryWarnings() {
        for (String logger : new String[] {"org.apache.flink.metrics.MetricGroup", "org.apache.flink.configuration",
                "ai.djl.util.cuda.CudaUtils", "org.apache.kafka"}) {
            Configurator.setLevel(logger, Level.ERROR);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (close is idempotent)
        }
    }

    /** Durations as {@code 70d}, {@code 12h}, {@code 30m}, {@code 45s} or ISO-8601 ({@code P70D}, {@code PT12H}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String s = value.trim().toLowerCase();
            try {
                if (s.startsWith("p")) {
                    return Duration.parse(s.toUpperCase());
                }
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                return switch (s.charAt(s.length() - 1)) {
                    case 'd' -> Duration.ofDays(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 's' -> Duration.ofSeconds(n);
                    default -> throw new IllegalArgumentException("unknown unit");
                };
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + value + "' is not a duration (e.g. 70d, 12h, 30m, PT12H)");
            }
        }
    }
}

package dev.elec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elec.cli.retrain.InputFingerprint;
import dev.elec.cli.retrain.RetrainLedger;
import dev.elec.cli.retrain.SampleWindow;
import dev.elec.schemas.Topics;
import dev.elec.trainer.TrainOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "retrain",
        mixinStandardHelpOptions = true,
        description = {
            "The nightly retrain: picks a window of the streaming job's hourly sample partitions "
                    + "(dt=YYYY-MM-DD/hour=HH under --samples), trains ELEC on it and publishes the distilled network "
                    + "through the gate (only if it beats the serving model on the same test split), announcing it "
                    + "on the model-updates topic when --bootstrap-servers is set.",
            "Idempotent: the fingerprint of the window's files and the settings goes into a ledger (--state); "
                    + "a window already decided (published or refused by the gate) is not trained again.",
            "Prints one JSON line: status (published, refused, nothing_new, bad_input, failed), window, files, "
                    + "fingerprint, published version."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:published, or nothing new (this window was already decided)",
            "1:internal error",
            "2:bad input (no sample files in the window, corrupt or empty samples, a split without positives, "
                    + "a remote registry, bad flags)",
            "3:trained, but the gate refused to publish (not better than the serving model)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  cron, every night at 02:15, the last 7 days of samples:",
            "    15 2 * * * cd /opt/elec && bin/elec retrain \\",
            "      --samples /data/elec/samples --window 7d \\",
            "      --registry /data/elec/registry --bootstrap-servers kafka:9092",
            "  Kubernetes: a CronJob running the same command (docs/retraining.md)."
        })
final class RetrainCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec CommandSpec spec;

    @Option(names = "--samples", required = true, paramLabel = "DIR",
            description = "The job's sample directory (samples.dir), holding dt=YYYY-MM-DD/hour=HH partitions.")
    Path samples;

    @Option(names = "--window", paramLabel = "DURATION", converter = DemoCommand.DurationConverter.class,
            description = "Event time to train on, ending at --until, e.g. 7d or 36h (default: 7d).")
    Duration window = Duration.ofDays(7);

    @Option(names = "--until", paramLabel = "INSTANT|latest",
            description = "End of the window (exclusive), an ISO instant such as 2026-11-28T00:00:00Z, or latest: "
                    + "the end of the newest partition (default: ${DEFAULT-VALUE}).")
    String until = "latest";

    @Mixin RegistryOption registry = new RegistryOption();

    @Option(names = "--state", paramLabel = "FILE",
            description = "Ledger of decided retrains (default: retrain-state.json in the registry directory).")
    Path state;

    @Option(names = "--report", paramLabel = "FILE",
            description = "The trainer's JSON report (default: runs/retrain/<time>/report.json in the repository).")
    Path report;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka to announce a published model on (default: not announced).")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Model-updates topic (default: ${DEFAULT-VALUE}).")
    String topic = Topics.MODEL_UPDATES;

    @Mixin TrainingFlags training;

    /** Runs the trainer; replaced in tests that check the ledger without training. */
    ToIntFunction<TrainOptions> trainer = options -> dev.elec.trainer.TrainCommand.run(options, System.err, System.err);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path registryDir = localRegistry();
        SampleWindow selected = SampleWindow.select(samples, window, parseUntil());
        List<Path> files = selected.files();
        if (files.isEmpty()) {
            throw new BadInputException("no sample files in the window " + selected.from() + " .. " + selected.until()
                    + " under " + samples);
        }
        TrainOptions options = options(selected, registryDir);
        List<String> settings = new ArrayList<>(List.of("registry " + registryDir.toUri(), "from " + selected.from(),
                "until " + selected.until(), "topic " + topic));
        settings.addAll(training.settings());
        String fingerprint = InputFingerprint.of(samples.toAbsolutePath(), files, settings);
        RetrainLedger ledger = new RetrainLedger(state != null ? state : registryDir.resolve("retrain-state.json"));
        var decided = ledger.find(fingerprint);
        if (decided.isPresent()) {
            err.printf("elec retrain: nothing new: this window (%d files, %s .. %s) was decided at %s (exit %d%s)%n",
                    files.size(), selected.from(), selected.until(), decided.get().decidedAt(), decided.get().exitCode(),
                    decided.get().publishedVersion() == null ? "" : ", published " + decided.get().publishedVersion());
            print(summary("nothing_new", selected, files.size(), fingerprint, decided.get().publishedVersion()));
            return ExitCodes.OK;
        }
        err.printf("elec retrain: %d files in %d hourly partitions, %s .. %s%n", files.size(),
                selected.partitions().size(), selected.from(), selected.until());
        int exit = trainer.applyAsInt(options);
        String version = publishedVersion(options.report);
        if (exit == ExitCodes.OK || exit == ExitCodes.REFUSED) {
            ledger.record(new RetrainLedger.Entry(fingerprint, Instant.now().toString(), exit, version,
                    selected.from().toString(), selected.until().toString(), files.size()));
        }
        String status = switch (exit) {
            case ExitCodes.OK -> "published";
            case ExitCodes.REFUSED -> "refused";
            case ExitCodes.BAD_INPUT -> "bad_input";
            default -> "failed";
        };
        print(summary(status, selected, files.size(), fingerprint, version));
        return exit;
    }

    private TrainOptions options(SampleWindow selected, Path registryDir) {
        TrainOptions options = new TrainOptions();
        training.applyTo(options);
        options.samples = samples;
        options.from = selected.from();
        options.to = selected.until();
        options.report = report != null ? report
                : Path.of(System.getProperty("elec.home", ".")).resolve("runs").resolve("retrain")
                        .resolve(STAMP.format(Instant.now())).resolve("report.json");
        options.registry = registryDir;
        options.publish = true;
        options.bootstrapServers = bootstrapServers;
        options.topic = topic;
        options.progress = false;
        return options;
    }

    private Path localRegistry() {
        URI uri = registry.uri();
        if (!"file".equals(uri.getScheme())) {
            throw new BadInputException("retrain publishes into a local registry directory (a mounted volume); got "
                    + uri);
        }
        Path dir = Path.of(uri);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the registry directory " + dir, e);
        }
    }

    private Instant parseUntil() {
        if (until == null || until.equalsIgnoreCase("latest")) {
            return null;
        }
        try {
            return Instant.parse(until);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--until must be an ISO instant (2026-11-28T00:00:00Z) or latest, got '" + until + "'");
        }
    }

    /** The version the trainer's report says it published, or null. */
    private static String publishedVersion(Path report) {
        if (report == null || !Files.exists(report)) {
            return null;
        }
        try {
            JsonNode gate = new ObjectMapper().readTree(report.toFile()).path("gate");
            return gate.path("published").asBoolean(false) ? gate.path("published_version").asText(null) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, Object> summary(String status, SampleWindow selected, int files, String fingerprint,
                                               String version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("from", selected.from().toString());
        json.put("until", selected.until().toString());
        json.put("partitions", selected.partitions().size());
        json.put("files", files);
        json.put("fingerprint", fingerprint);
        json.put("published_version", version);
        return json;
    }

    private void print(Map<String, Object> summary) {
        spec.commandLine().getOut().println(JsonLine.of(summary));
    }
}

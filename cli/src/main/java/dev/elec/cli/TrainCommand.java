package dev.elec.cli;

import dev.elec.trainer.TrainOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "ELEC on labeled samples: adapt the frozen LLM (Stage 1), train the gain and vanilla networks with score- and",
            "representation-level distillation, evaluate every variant over --seeds runs on the time-split test set, write",
            "the JSON report, charts and the distilled vanilla network's bundle; with --publish, publish it only if it beats",
            "the registry's serving model on the same test split. Human output on stderr, one JSON line on stdout.",
            "Exit codes: 0 trained (and published), 1 internal error, 2 bad input, 3 refused by the gate."
        })
final class TrainCommand implements Callable<Integer> {
    private static final TrainOptions DEFAULTS = new TrainOptions();

    @Spec CommandSpec spec;

    @Option(names = "--samples", required = true, paramLabel = "DIR", description = "Labeled-sample Avro files (searched recursively).")
    Path samples;

    @Option(names = "--report", required = true, paramLabel = "FILE", description = "JSON report; charts and the bundle go beside it.")
    Path report;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Keep samples with event time >= this (e.g. 2026-11-27T00:00:00Z).")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Keep samples with event time < this.")
    Instant to;

    @Option(names = "--validation-from", paramLabel = "INSTANT", description = "Explicit validation cutoff (default: by fraction).")
    Instant validationFrom;

    @Option(names = "--test-from", paramLabel = "INSTANT", description = "Explicit test cutoff (default: by fraction).")
    Instant testFrom;

    @Option(names = "--train-fraction", paramLabel = "F", description = "Default: ${DEFAULT-VALUE}.")
    double trainFraction = DEFAULTS.trainFraction;

    @Option(names = "--validation-fraction", paramLabel = "F", description = "Default: ${DEFAULT-VALUE}.")
    double validationFraction = DEFAULTS.validationFraction;

    @Option(names = "--feature-spec", paramLabel = "FILE", description = "FeatureSpec JSON the samples were encoded with (default: the built-in spec).")
    Path featureSpec;

    @Option(names = "--bundle", paramLabel = "DIR", description = "Where to write the distilled bundle (default: <report>-bundle).")
    Path bundle;

    @Option(names = "--charts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "PNG charts beside the report (default: on; --no-charts skips them).")
    boolean charts;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Progress bar while encoding texts (default: on).")
    boolean progress;

    @Mixin TrainingFlags training;

    @Option(names = "--registry", paramLabel = "DIR", description = "Model registry; required with --publish.")
    Path registry;

    @Option(names = "--publish", description = "Publish the distilled network if it beats the serving model on the same test split.")
    boolean publish;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "With --publish: announce the model on --topic.")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Default: ${DEFAULT-VALUE}.")
    String topic = DEFAULTS.topic;

    @Override
    public Integer call() {
        if (publish && registry == null) {
            throw new BadInputException("--publish needs --registry");
        }
        TrainOptions options = toOptions();
        int exit = dev.elec.trainer.TrainCommand.run(options, System.err, System.err);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("exit_code", exit);
        summary.put("report", report.toAbsolutePath().toString());
        spec.commandLine().getOut().println(JsonLine.of(summary));
        return exit;
    }

    TrainOptions toOptions() {
        TrainOptions o = new TrainOptions();
        o.samples = samples;
        o.from = from;
        o.to = to;
        o.validationFrom = validationFrom;
        o.testFrom = testFrom;
        o.trainFraction = trainFraction;
        o.validationFraction = validationFraction;
        o.featureSpec = featureSpec;
        o.report = report;
        o.bundle = bundle;
        o.charts = charts;
        o.progress = progress;
        training.applyTo(o);
        o.registry = registry;
        o.publish = publish;
        o.bootstrapServers = bootstrapServers;
        o.topic = topic;
        return o;
    }
}

package dev.elec.cli;

import dev.elec.model.net.Backbone;
import dev.elec.trainer.TrainOptions;
import dev.elec.trainer.distill.TeacherMode;
import dev.elec.trainer.text.TextMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--llm", paramLabel = "DIR", description = "Directory with model.onnx (or model.pt) + tokenizer.json (default: the bundled all-MiniLM-L6-v2).")
    Path llm;

    @Option(names = "--llm-format", paramLabel = "auto|onnx|torchscript", description = "Default: ${DEFAULT-VALUE}.")
    String llmFormat = DEFAULTS.llmFormat;

    @Option(names = "--text-mode", paramLabel = "row|segment", description = "row: one text per sample (the paper); segment: user/item/context parts cached separately (default).")
    String textMode = DEFAULTS.textMode.cliName();

    @Option(names = "--text-exclude", split = ",", paramLabel = "KEY", description = "Raw value keys kept out of the LLM text.")
    Set<String> textExclude = DEFAULTS.textExclude;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "LLM vector cache (default: ${DEFAULT-VALUE}).")
    Path cacheDir = DEFAULTS.cacheDir;

    @Option(names = "--head-hidden", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int headHidden = DEFAULTS.headHidden;

    @Option(names = "--head-dim", paramLabel = "N", description = "Size of the representation vector (default: ${DEFAULT-VALUE}).")
    int headDim = DEFAULTS.headDim;

    @Option(names = "--head-lr", paramLabel = "LR", description = "Default: ${DEFAULT-VALUE}.")
    float headLearningRate = DEFAULTS.headLearningRate;

    @Option(names = "--head-epochs", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int headEpochs = DEFAULTS.headEpochs;

    @Option(names = "--backbone", paramLabel = "deepfm|dcnv2", description = "Default: deepfm.")
    String backbone = DEFAULTS.backbone.name().toLowerCase(Locale.ROOT);

    @Option(names = "--embedding-dim", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int embeddingDim = DEFAULTS.embeddingDim;

    @Option(names = "--mlp", split = ",", paramLabel = "UNITS", description = "Hidden layer widths (default: 256,128).")
    int[] mlpUnits = DEFAULTS.mlpUnits;

    @Option(names = "--cross-layers", paramLabel = "N", description = "DCNv2 cross layers (default: ${DEFAULT-VALUE}).")
    int crossLayers = DEFAULTS.crossLayers;

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout of the vanilla networks (default: ${DEFAULT-VALUE}).")
    float dropout = DEFAULTS.dropout;

    @Option(names = "--teacher-dropout", paramLabel = "P", description = "Dropout of the LLM side: Stage 1 head and gain network (default: ${DEFAULT-VALUE}).")
    float teacherDropout = DEFAULTS.teacherDropout;

    @Option(names = "--alpha", paramLabel = "A", description = "Weight of score distillation (default: ${DEFAULT-VALUE}).")
    float alpha = DEFAULTS.alpha;

    @Option(names = "--beta", paramLabel = "B", description = "Weight of representation distillation (default: ${DEFAULT-VALUE}).")
    float beta = DEFAULTS.beta;

    @Option(names = "--kd-grid", split = ",", paramLabel = "A:B", description = "Extra distilled students, one per alpha:beta, to choose them on validation.")
    List<String> kdGrid = new ArrayList<>();

    @Option(names = "--teacher", paramLabel = "joint|frozen", description = "Distill from the gain network as it trains, or from its best state (default: ${DEFAULT-VALUE}).")
    String teacher = DEFAULTS.teacher.cliName();

    @Option(names = "--ema-decay", paramLabel = "D", description = "Validate, test and save every network with an exponential moving average of its weights; 0 turns it off (default: ${DEFAULT-VALUE}).")
    float emaDecay = DEFAULTS.emaDecay;

    @Option(names = "--lr", paramLabel = "LR", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate = DEFAULTS.learningRate;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int batchSize = DEFAULTS.batchSize;

    @Option(names = "--validations-per-epoch", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int validationsPerEpoch = DEFAULTS.validationsPerEpoch;

    @Option(names = "--patience", paramLabel = "N", description = "Validations without improvement before a network stops (default: ${DEFAULT-VALUE}).")
    int patience = DEFAULTS.patience;

    @Option(names = "--seeds", paramLabel = "N", description = "Runs; seed i seeds every variant alike (default: ${DEFAULT-VALUE}).")
    int seeds = DEFAULTS.seeds;

    @Option(names = "--seed", paramLabel = "S", description = "First seed (default: ${DEFAULT-VALUE}).")
    long firstSeed = DEFAULTS.firstSeed;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Default: ${DEFAULT-VALUE}.")
    String device = DEFAULTS.device;

    @Option(names = "--torch-threads", paramLabel = "N", description = "PyTorch intra-op threads; 0 keeps PyTorch's default (default: ${DEFAULT-VALUE}).")
    int torchThreads = DEFAULTS.torchThreads;

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
        o.llm = llm;
        o.llmFormat = llmFormat;
        o.textMode = TextMode.parse(textMode);
        o.textExclude = Set.copyOf(textExclude);
        o.cacheDir = cacheDir;
        o.headHidden = headHidden;
        o.headDim = headDim;
        o.headLearningRate = headLearningRate;
        o.headEpochs = headEpochs;
        o.backbone = Backbone.parse(backbone);
        o.embeddingDim = embeddingDim;
        o.mlpUnits = mlpUnits;
        o.crossLayers = crossLayers;
        o.dropout = dropout;
        o.teacherDropout = teacherDropout;
        o.alpha = alpha;
        o.beta = beta;
        o.kdGrid = kdGrid.stream().map(TrainCommand::alphaBeta).toList();
        o.teacher = TeacherMode.parse(teacher);
        o.emaDecay = emaDecay;
        o.learningRate = learningRate;
        o.epochs = epochs;
        o.batchSize = batchSize;
        o.validationsPerEpoch = validationsPerEpoch;
        o.patience = patience;
        o.seeds = seeds;
        o.firstSeed = firstSeed;
        o.device = device;
        o.torchThreads = torchThreads;
        o.registry = registry;
        o.publish = publish;
        o.bootstrapServers = bootstrapServers;
        o.topic = topic;
        return o;
    }

    private static float[] alphaBeta(String pair) {
        String[] parts = pair.split(":");
        if (parts.length != 2) {
            throw new BadInputException("--kd-grid takes alpha:beta pairs, got '" + pair + "'");
        }
        try {
            return new float[] {Float.parseFloat(parts[0]), Float.parseFloat(parts[1])};
        } catch (NumberFormatException e) {
            throw new BadInputException("--kd-grid takes alpha:beta pairs of numbers, got '" + pair + "'");
        }
    }
}

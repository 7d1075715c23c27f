package dev.elec.cli;

import dev.elec.model.net.Backbone;
import dev.elec.trainer.TrainOptions;
import dev.elec.trainer.distill.TeacherMode;
import dev.elec.trainer.text.TextMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How ELEC trains: the LLM and its text, the networks, distillation, optimisation, seeds and device. Shared by
 * {@code train} and the nightly {@code retrain}, so a scheduler can set everything a person can.
 */
final class TrainingFlags {
    private static final TrainOptions DEFAULTS = new TrainOptions();

    @Spec CommandSpec flags;

    @Option(names = "--llm", paramLabel = "DIR", description = "Directory with model.onnx (or model.pt) + tokenizer.json (default: the bundled all-MiniLM-L6-v2).")
    Path llm;

    @Option(names = "--llm-format", paramLabel = "auto|onnx|torchscript", description = "Default: ${DEFAULT-VALUE}.")
    String llmFormat = DEFAULTS.llmFormat;

    @Option(names = "--text-mode", paramLabel = "row|segment", description = "row: one text per sample (the paper); segment: user/item/context parts cached separately (default).")
    String textMode = DEFAULTS.textMode.cliName();

    @Option(names = "--text-exclude", split = ",", paramLabel = "KEY", description = "Raw value keys kept out of the LLM text.")
    Set<String> textExclude = DEFAULTS.textExclude;

    @Option(names = "--no-text", description = "Control run: leave every text field out, so the gain network sees no LLM vector; what the students still gain does not come from the LLM.")
    boolean noText = DEFAULTS.noText;

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

    @Option(names = "--teacher", paramLabel = "joint|frozen|finetune", description = "Distill from the gain network as it trains, from its best state, or from its best state starting at the trained baseline (default: ${DEFAULT-VALUE}).")
    String teacher = DEFAULTS.teacher.cliName();

    @Option(names = "--finetune-lr", paramLabel = "LR", description = "Adam learning rate of the students from the baseline's point, with --teacher finetune (default: ${DEFAULT-VALUE}).")
    float finetuneLearningRate = DEFAULTS.finetuneLearningRate;

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

    void applyTo(TrainOptions o) {
        o.llm = llm;
        o.llmFormat = llmFormat;
        o.textMode = TextMode.parse(textMode);
        o.textExclude = Set.copyOf(textExclude);
        o.noText = noText;
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
        o.kdGrid = kdGrid.stream().map(TrainingFlags::alphaBeta).toList();
        o.teacher = TeacherMode.parse(teacher);
        o.finetuneLearningRate = finetuneLearningRate;
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
    }

    /** Every flag with its value, one {@code "--flag value"} per line, e.g. for a fingerprint of the settings. */
    List<String> settings() {
        List<String> out = new ArrayList<>();
        for (OptionSpec option : flags.options()) {
            Object value = option.getValue();
            if (value instanceof int[] ints) {
                value = Arrays.toString(ints);
            } else if (value instanceof Set<?> set) {
                value = new TreeSet<>(set);
            }
            out.add(option.longestName() + " " + value);
        }
        return out;
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

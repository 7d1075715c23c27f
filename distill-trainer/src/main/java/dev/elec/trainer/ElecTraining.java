package dev.elec.trainer;

import ai.djl.Device;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.feature.TextField;
import dev.elec.model.net.NetworkConfig;
import dev.elec.trainer.data.SampleReader;
import dev.elec.trainer.data.TimeSplit;
import dev.elec.trainer.data.TrainingData;
import dev.elec.trainer.distill.CompactIds;
import dev.elec.trainer.distill.DistillTrainer;
import dev.elec.trainer.distill.SeedRun;
import dev.elec.trainer.distill.Student;
import dev.elec.trainer.distill.Variant;
import dev.elec.trainer.eval.Charts;
import dev.elec.trainer.eval.Evaluation;
import dev.elec.trainer.eval.LatencyProbe;
import dev.elec.trainer.eval.LlmSummary;
import dev.elec.trainer.eval.ReportJson;
import dev.elec.trainer.eval.Summary;
import dev.elec.trainer.fit.CurvePoint;
import dev.elec.trainer.fit.Devices;
import dev.elec.trainer.fit.Hyper;
import dev.elec.trainer.llm.AdaptationHead;
import dev.elec.trainer.llm.HeadResult;
import dev.elec.trainer.text.CachedTextEncoder;
import dev.elec.trainer.text.EncodingCache;
import dev.elec.trainer.text.ModelFiles;
import dev.elec.trainer.text.OnnxTextEncoder;
import dev.elec.trainer.text.SampleTexts;
import dev.elec.trainer.text.TextEncoder;
import dev.elec.trainer.text.TextVectors;
import dev.elec.trainer.text.TorchScriptTextEncoder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The ELEC run: read and split samples, encode texts, then per seed Stage 1 and the joint distillation; evaluate. */
public final class ElecTraining {
    private final TrainOptions options;
    private final PrintStream out;

    public ElecTraining(TrainOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public TrainingOutcome run() {
        long start = System.nanoTime();
        validate();
        FeatureSpec spec = loadSpec();
        SampleReader.Loaded loaded = SampleReader.read(options.samples, options.from, options.to);
        checkSpec(spec, loaded);
        TimeSplit.Split split = options.validationFrom != null || options.testFrom != null
                ? TimeSplit.atCutoffs(loaded.samples(), required(options.validationFrom, "--validation-from"),
                        required(options.testFrom, "--test-from"))
                : TimeSplit.byFraction(loaded.samples(), options.trainFraction, options.validationFraction);
        TrainingData data = new TrainingData(split, spec.numSlots());
        out.printf("samples: %d rows from %d file(s): train %d, validation %d, test %d%n", data.rows(),
                loaded.files(), data.trainRows(), data.validationRows(), data.testRows());
        Device device = Devices.resolve(options.device);

        Set<String> excludedTextKeys = excludedTextKeys(spec);
        SampleTexts texts = new SampleTexts(spec, options.textMode, excludedTextKeys);
        try (CachedTextEncoder encoder = openEncoder(device)) {
            TextVectors vectors = texts.encode(data.samples(), encoder);
            out.printf("llm: %s, %s mode, %d texts, %d encoded, %d cache hits, %.1f s%n", encoder.modelId(),
                    options.textMode.cliName(), encoder.stats().texts(), encoder.stats().encoded(),
                    encoder.stats().cacheHits(), encoder.stats().encodeSeconds());

            NetworkConfig vanilla = new NetworkConfig(options.backbone, options.embeddingDim, options.mlpUnits,
                    options.crossLayers, options.dropout, 0);
            NetworkConfig teacher = new NetworkConfig(options.backbone, options.embeddingDim, options.mlpUnits,
                    options.crossLayers, options.teacherDropout, 0);
            Hyper headHyper = new Hyper(options.headLearningRate, options.headEpochs, options.batchSize,
                    options.validationsPerEpoch, options.patience);
            Hyper hyper = new Hyper(options.learningRate, options.epochs, options.batchSize,
                    options.validationsPerEpoch, options.patience);
            AdaptationHead stage1 = new AdaptationHead(options.headHidden, options.headDim, options.teacherDropout,
                    headHyper, device);
            CompactIds compactIds = new CompactIds(data.allIds(), spec);
            TrainingData compactData = data.withIds(compactIds.compact(data.allIds()));
            List<Student> students = new ArrayList<>(Student.ablation(options.alpha, options.beta));
            options.kdGrid.forEach(point -> students.add(Student.gridPoint(point[0], point[1])));
            DistillTrainer stage23 = new DistillTrainer(compactIds.compactSpec(), vanilla, teacher, students, hyper,
                    device, options.teacher, options.emaDecay, options.finetuneLearningRate);

            Evaluation evaluation = new Evaluation();
            float[] testLabels = data.gatherLabels(data.test());
            List<Double> headTrain = new ArrayList<>();
            List<Double> headValidation = new ArrayList<>();
            Map<String, List<CurvePoint>> firstCurves = null;
            SeedRun serving = null;
            double trainSeconds = 0;
            for (int i = 0; i < options.seeds; i++) {
                long seed = options.firstSeed + i;
                long seedStart = System.nanoTime();
                HeadResult head = stage1.train(data, vectors, seed);
                SeedRun run = stage23.train(compactData, head, seed);
                trainSeconds += (System.nanoTime() - seedStart) / 1e9;
                headTrain.add(head.trainAuc());
                headValidation.add(head.validationAuc());
                Map<String, float[]> logits = new LinkedHashMap<>(run.testLogits());
                logits.put(Variant.LLM_HEAD, head.testLogits());
                Map<String, Double> validationAuc = new LinkedHashMap<>(run.validationAuc());
                validationAuc.put(Variant.LLM_HEAD, head.validationAuc());
                evaluation.addSeed(seed, logits, validationAuc, testLabels);
                if (firstCurves == null) {
                    firstCurves = new LinkedHashMap<>();
                    firstCurves.put(Variant.LLM_HEAD, head.curve());
                    firstCurves.putAll(run.curves());
                }
                if (serving == null || run.validationAuc().get(Variant.VANILLA_KD)
                        > serving.validationAuc().get(Variant.VANILLA_KD)) {
                    serving = run;
                }
                out.printf("seed %d: %.0f s (joint %.0f s), validation AUC baseline %.4f, head %.4f (train %.4f), "
                                + "gain %.4f, kd %.4f; test AUC baseline %.4f, head %.4f, gain %.4f, kd %.4f%n", seed,
                        (System.nanoTime() - seedStart) / 1e9, run.trainSeconds(),
                        run.validationAuc().get(Variant.VANILLA_BASELINE), head.validationAuc(), head.trainAuc(),
                        run.validationAuc().get(Variant.GAIN), run.validationAuc().get(Variant.VANILLA_KD),
                        evaluation.scores().get(Variant.VANILLA_BASELINE).get(i).auc(),
                        evaluation.scores().get(Variant.LLM_HEAD).get(i).auc(),
                        evaluation.scores().get(Variant.GAIN).get(i).auc(),
                        evaluation.scores().get(Variant.VANILLA_KD).get(i).auc());
            }

            LatencyProbe.Latency latency = LatencyProbe.measure(spec, vanilla, options.headHidden, options.headDim,
                    data.gatherIds(data.test()), texts.texts(data.samples().subList(data.rows() - Math.min(64,
                            data.testRows()), data.rows())), encoder, device);

            ReportJson report = new ReportJson().evaluation(evaluation)
                    .llm(new LlmSummary(encoder.modelId(), options.textMode.cliName(), vectors.dimension(),
                            encoder.stats(), Summary.of(headTrain), Summary.of(headValidation)))
                    .latency(latency.vanillaMs(), latency.gainWithLlmMs(), "batches of 256 on " + device
                            + "; gain_with_llm encodes every text afresh (" + options.textMode.cliName() + " mode)")
                    .block("data", dataBlock(spec, loaded, data))
                    .block("config", configBlock(excludedTextKeys, vanilla, device))
                    .block("timing", Map.of("encode_seconds", encoder.stats().encodeSeconds(),
                            "train_seconds", trainSeconds, "total_seconds", (System.nanoTime() - start) / 1e9));
            if (options.charts) {
                writeCharts(evaluation, firstCurves);
            }
            return new TrainingOutcome(spec, data, evaluation, report, compactIds, vanilla,
                    serving.studentParameters().get(Variant.VANILLA_KD), serving.seed());
        }
    }

    private void validate() {
        if (options.samples == null) {
            throw new BadInputException("--samples is required");
        }
        if (options.report == null) {
            throw new BadInputException("--report is required");
        }
        if (options.seeds < 1 || options.batchSize < 1 || options.epochs < 1 || options.patience < 1) {
            throw new BadInputException("--seeds, --batch-size, --epochs and --patience must be at least 1");
        }
        if (options.alpha < 0 || options.beta < 0) {
            throw new BadInputException("--alpha and --beta must not be negative");
        }
        if (options.dropout < 0 || options.dropout >= 1 || options.teacherDropout < 0 || options.teacherDropout >= 1) {
            throw new BadInputException("--dropout and --teacher-dropout must be in [0, 1)");
        }
        if (options.learningRate <= 0 || options.finetuneLearningRate <= 0 || options.headLearningRate <= 0) {
            throw new BadInputException("--lr, --finetune-lr and --head-lr must be positive");
        }
        if (options.emaDecay < 0 || options.emaDecay >= 1) {
            throw new BadInputException("--ema-decay must be in [0, 1)");
        }
        if (options.publish && options.registry == null) {
            throw new BadInputException("--publish needs --registry");
        }
    }

    private static <T> T required(T value, String flag) {
        if (value == null) {
            throw new BadInputException("explicit split cutoffs need both --validation-from and --test-from (" + flag
                    + " is missing)");
        }
        return value;
    }

    private FeatureSpec loadSpec() {
        if (options.featureSpec == null) {
            return FeatureSpec.defaults();
        }
        try {
            return FeatureSpec.fromJson(Files.readString(options.featureSpec));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot read feature spec " + options.featureSpec + ": " + e.getMessage(), e);
        }
    }

    private static void checkSpec(FeatureSpec spec, SampleReader.Loaded loaded) {
        for (String hash : loaded.featureSpecHashes()) {
            if (!hash.equals(spec.hash())) {
                throw new BadInputException("samples were encoded with feature spec hash " + hash
                        + ", but the trainer's spec " + spec.version() + " has hash " + spec.hash()
                        + " (pass the samples' spec with --feature-spec)");
            }
        }
        loaded.samples().stream().filter(s -> s.ids().length != spec.numSlots()).findFirst().ifPresent(s -> {
            throw new BadInputException("sample " + s.impressionId() + " has " + s.ids().length
                    + " feature ids, the feature spec " + spec.version() + " has " + spec.numSlots() + " slots");
        });
    }

    private CachedTextEncoder openEncoder(Device device) {
        TextEncoder encoder;
        String format = options.llmFormat == null ? "auto" : options.llmFormat;
        if (options.llm == null) {
            encoder = new OnnxTextEncoder(ModelFiles.bundledMiniLm(options.cacheDir));
        } else {
            boolean torchScript = format.equals("torchscript")
                    || (format.equals("auto") && !Files.exists(options.llm.resolve("model.onnx"))
                    && Files.exists(options.llm.resolve("model.pt")));
            if (!format.equals("auto") && !format.equals("onnx") && !format.equals("torchscript")) {
                throw new BadInputException("unknown --llm-format '" + format + "' (auto, onnx or torchscript)");
            }
            encoder = torchScript
                    ? new TorchScriptTextEncoder(ModelFiles.directory(options.llm, "model.pt"), device)
                    : new OnnxTextEncoder(ModelFiles.directory(options.llm, "model.onnx"));
        }
        EncodingCache cache = new EncodingCache(options.cacheDir.resolve("vectors"), encoder.modelId(),
                encoder.dimension());
        return new CachedTextEncoder(encoder, cache, options.progress);
    }

    private Map<String, Object> dataBlock(FeatureSpec spec, SampleReader.Loaded loaded, TrainingData data) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("samples", String.valueOf(options.samples));
        block.put("files", loaded.files());
        block.put("rows", data.rows());
        block.put("feature_spec", Map.of("version", spec.version(), "hash", spec.hash()));
        block.put("train", splitBlock(data, data.train()));
        block.put("validation", splitBlock(data, data.validation()));
        block.put("test", splitBlock(data, data.test()));
        return block;
    }

    private static Map<String, Object> splitBlock(TrainingData data, int[] rows) {
        float[] labels = data.gatherLabels(rows);
        double positives = 0;
        for (float label : labels) {
            positives += label;
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("rows", rows.length);
        block.put("positives", (long) positives);
        block.put("from", java.time.Instant.ofEpochMilli(data.samples().get(rows[0]).eventTimeMillis()).toString());
        block.put("to", java.time.Instant.ofEpochMilli(data.samples().get(rows[rows.length - 1]).eventTimeMillis())
                .toString());
        return block;
    }

    private Set<String> excludedTextKeys(FeatureSpec spec) {
        return options.noText ? spec.textFields().stream().map(TextField::key).collect(Collectors.toSet())
                : options.textExclude;
    }

    private Map<String, Object> configBlock(Set<String> excludedTextKeys, NetworkConfig vanilla, Device device) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("backbone", vanilla.backbone().name().toLowerCase());
        block.put("embedding_dim", vanilla.embeddingDim());
        block.put("mlp_units", Arrays.stream(vanilla.mlpUnits()).boxed().toList());
        block.put("cross_layers", vanilla.crossLayers());
        block.put("dropout", vanilla.dropout());
        block.put("teacher_dropout", options.teacherDropout);
        block.put("alpha", options.alpha);
        block.put("beta", options.beta);
        block.put("teacher", options.teacher.cliName());
        block.put("finetune_learning_rate", options.finetuneLearningRate);
        block.put("ema_decay", options.emaDecay);
        block.put("kd_grid", options.kdGrid.stream().map(p -> p[0] + ":" + p[1]).toList());
        block.put("learning_rate", options.learningRate);
        block.put("epochs", options.epochs);
        block.put("batch_size", options.batchSize);
        block.put("validations_per_epoch", options.validationsPerEpoch);
        block.put("patience", options.patience);
        block.put("head_hidden", options.headHidden);
        block.put("head_dim", options.headDim);
        block.put("head_learning_rate", options.headLearningRate);
        block.put("head_epochs", options.headEpochs);
        block.put("no_text", options.noText);
        block.put("text_exclude", excludedTextKeys.stream().sorted().toList());
        block.put("seeds", options.seeds);
        block.put("first_seed", options.firstSeed);
        block.put("device", device.toString());
        return block;
    }

    private void writeCharts(Evaluation evaluation, Map<String, List<CurvePoint>> curves) {
        Path base = chartBase();
        Charts.curves(curves, options.firstSeed, Path.of(base + "-curves.png"));
        Charts.ablation(evaluation, Path.of(base + "-ablation.png"));
    }

    /** The report path without its .json extension. */
    Path chartBase() {
        String name = options.report.getFileName().toString().replaceFirst("\\.json$", "");
        Path parent = options.report.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + parent + ": " + e.getMessage(), e);
        }
        return parent.resolve(name);
    }
}

package dev.elec.trainer.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The evaluation report: {@code test.<variant>.{auc, logloss, delta_auc_vs_baseline, per_seed}}, {@code validation},
 * {@code llm}, {@code latency_ms_per_1k}, plus the run's data, config, timing, bundle and gate blocks.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = MAPPER.createObjectNode();

    public ReportJson evaluation(Evaluation evaluation) {
        ObjectNode test = root.putObject("test");
        ObjectNode validation = root.putObject("validation");
        for (String variant : evaluation.scores().keySet()) {
            if (evaluation.scores().get(variant).isEmpty()) {
                continue;
            }
            ObjectNode node = test.putObject(variant);
            meanStd(node.putObject("auc"), evaluation.auc(variant));
            meanStd(node.putObject("logloss"), evaluation.logLoss(variant));
            Summary delta = evaluation.delta(variant);
            meanStd(node.putObject("delta_auc_vs_baseline"), delta).put("min", delta.min());
            var perSeed = node.putArray("per_seed");
            for (SeedScore score : evaluation.scores().get(variant)) {
                perSeed.addObject().put("seed", score.seed()).put("auc", score.auc()).put("logloss", score.logLoss())
                        .put("delta_auc_vs_baseline", score.deltaAucVsBaseline())
                        .put("validation_auc", score.validationAuc());
            }
            meanStd(validation.putObject(variant).putObject("auc"), evaluation.validationAuc(variant));
        }
        return this;
    }

    public ReportJson llm(LlmSummary llm) {
        ObjectNode node = root.putObject("llm");
        node.put("model", llm.model()).put("text_mode", llm.textMode()).put("dimension", llm.dimension())
                .put("texts", llm.stats().texts()).put("distinct_texts", llm.stats().distinct())
                .put("encoded", llm.stats().encoded()).put("cache_hits", llm.stats().cacheHits())
                .put("encode_seconds", llm.stats().encodeSeconds());
        meanStd(node.putObject("head_train_auc"), llm.headTrainAuc());
        meanStd(node.putObject("head_validation_auc"), llm.headValidationAuc());
        return this;
    }

    public ReportJson latency(double vanillaMsPer1k, double gainWithLlmMsPer1k, String note) {
        root.putObject("latency_ms_per_1k").put("vanilla", vanillaMsPer1k).put("gain_with_llm", gainWithLlmMsPer1k)
                .put("note", note);
        return this;
    }

    /** A free-form block ({@code data}, {@code config}, {@code timing}, {@code bundle}, {@code gate}). */
    public ReportJson block(String name, Map<String, ?> values) {
        root.set(name, MAPPER.valueToTree(values));
        return this;
    }

    public ObjectNode tree() {
        return root;
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write report " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode meanStd(ObjectNode node, Summary summary) {
        return node.put("mean", summary.mean()).put("std", summary.std());
    }
}

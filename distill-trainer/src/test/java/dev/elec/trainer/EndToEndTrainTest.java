package dev.elec.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elec.model.net.Backbone;
import dev.elec.trainer.distill.TeacherMode;
import dev.elec.trainer.distill.Variant;
import dev.elec.trainer.text.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndToEndTrainTest {
    @TempDir
    Path dir;

    /** Options for a small run on {@code rows} synthetic samples, writing into the temp dir. */
    private TrainOptions smallRun(int rows, long seed) throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        SyntheticSamples.write(SyntheticSamples.generate(rows, seed), samples.resolve("part-0.avro"));
        TrainOptions options = new TrainOptions();
        options.samples = samples;
        options.report = dir.resolve("out/report.json");
        options.cacheDir = TestDirs.modelCache();
        options.batchSize = 256;
        options.progress = false;
        return options;
    }

    @Test
    void trainsEveryVariantAndWritesReportChartsAndBundle() throws Exception {
        TrainOptions options = smallRun(6000, 1);
        options.seeds = 2;
        options.epochs = 4;
        options.headEpochs = 4;
        options.patience = 4;
        options.backbone = Backbone.DEEPFM;
        options.teacher = TeacherMode.FROZEN;
        options.emaDecay = 0.9f;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = TrainCommand.run(options, new PrintStream(out, true), new PrintStream(err, true));

        assertEquals(TrainCommand.OK, code, err.toString());
        JsonNode report = new ObjectMapper().readTree(options.report.toFile());
        for (String variant : Variant.ALL) {
            JsonNode node = report.path("test").path(variant);
            assertTrue(node.path("auc").path("mean").isNumber(), variant + " auc in " + report);
            assertTrue(node.path("logloss").path("std").isNumber(), variant + " logloss");
            assertTrue(node.path("delta_auc_vs_baseline").path("min").isNumber(), variant + " delta");
        }
        for (String field : new String[]{"model", "text_mode", "texts", "encoded", "cache_hits", "encode_seconds"}) {
            assertTrue(report.path("llm").has(field), "llm." + field);
        }
        assertTrue(report.path("latency_ms_per_1k").path("vanilla").isNumber());
        assertTrue(report.path("latency_ms_per_1k").path("gain_with_llm").isNumber());
        assertTrue(report.path("test").path(Variant.GAIN).path("auc").path("mean").asDouble() > 0.6,
                "the LLM path learns the topic: " + out);
        assertTrue(Files.exists(dir.resolve("out/report-curves.png")));
        assertTrue(Files.exists(dir.resolve("out/report-ablation.png")));
        assertTrue(out.toString().contains("vanilla_kd"), out.toString());
        Path bundle = Path.of(report.path("bundle").path("dir").asText());
        assertTrue(Files.exists(bundle.resolve("manifest.json")), "bundle written: " + report.path("bundle"));
        double kdSeedAuc = report.path("test").path(Variant.VANILLA_KD).path("per_seed")
                .findValues("auc").stream().anyMatch(a -> Math.abs(a.asDouble()
                        - report.path("bundle").path("test_auc").asDouble()) < 1e-4) ? 1 : 0;
        assertEquals(1, kdSeedAuc, "the bundle scores the test split as the trained vanilla_kd did");
        System.out.println(out);
    }

    @Test
    void aNoTextControlRunGivesTheLlmSideNothing() throws Exception {
        TrainOptions options = smallRun(3000, 2);
        options.seeds = 1;
        options.epochs = 2;
        options.headEpochs = 1;
        options.charts = false;
        options.noText = true;
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = TrainCommand.run(options, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));

        assertEquals(TrainCommand.OK, code, err.toString());
        JsonNode report = new ObjectMapper().readTree(options.report.toFile());
        assertEquals(0, report.path("llm").path("texts").asInt(), "nothing encoded: " + report.path("llm"));
        assertEquals(0.5, report.path("test").path(Variant.LLM_HEAD).path("auc").path("mean").asDouble(), 1e-9,
                "Stage 1 saw one constant vector");
        assertTrue(report.path("config").path("no_text").asBoolean());
        assertTrue(report.path("test").path(Variant.VANILLA_KD).path("auc").path("mean").isNumber());
    }
}

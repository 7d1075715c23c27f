package dev.elec.trainer;

import dev.elec.model.net.Backbone;
import dev.elec.model.registry.ModelRegistry;
import dev.elec.trainer.text.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishGateFlowTest {
    @TempDir
    Path dir;

    private TrainOptions options(Path samples, String name) {
        TrainOptions options = new TrainOptions();
        options.samples = samples;
        options.report = dir.resolve(name + "/report.json");
        options.cacheDir = TestDirs.modelCache();
        options.registry = dir.resolve("registry");
        options.publish = true;
        options.seeds = 1;
        options.epochs = 3;
        options.headEpochs = 2;
        options.batchSize = 256;
        options.backbone = Backbone.DEEPFM;
        options.progress = false;
        options.charts = false;
        return options;
    }

    @Test
    void publishesTheFirstModelAndRefusesAWorseOne() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        SyntheticSamples.write(SyntheticSamples.generate(4000, 5), samples.resolve("part-0.avro"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int first = TrainCommand.run(options(samples, "first"), new PrintStream(out, true), new PrintStream(err, true));
        assertEquals(TrainCommand.OK, first, err.toString());
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry").toUri());
        String served = registry.current().orElseThrow().version();

        TrainOptions worse = options(samples, "second");
        worse.learningRate = 1e-7f;
        worse.epochs = 1;
        worse.backbone = Backbone.DCNV2; // the gate compares on the test split whatever the serving model's network
        worse.headEpochs = 1;
        int second = TrainCommand.run(worse, new PrintStream(out, true), new PrintStream(err, true));

        assertEquals(TrainCommand.REFUSED_BY_GATE, second, out.toString());
        assertEquals(served, registry.current().orElseThrow().version(), "the serving model stays");
        assertTrue(out.toString().contains("gate: refused"), out.toString());
        assertTrue(Files.readString(worse.report).contains("\"published\" : false"));
    }
}

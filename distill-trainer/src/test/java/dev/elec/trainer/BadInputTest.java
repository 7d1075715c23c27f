package dev.elec.trainer;

import dev.elec.avro.LabeledSample;
import dev.elec.trainer.text.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad inputs end with exit code 2 and one clear line on stderr, never a stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    private TrainOptions options(Path samples) {
        TrainOptions options = new TrainOptions();
        options.samples = samples;
        options.report = dir.resolve("report.json");
        options.cacheDir = TestDirs.modelCache();
        options.progress = false;
        options.seeds = 1;
        return options;
    }

    private static String failLine(TrainOptions options) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TrainCommand.run(options, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        String message = err.toString().strip();
        assertEquals(TrainCommand.BAD_INPUT, code, message);
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertTrue(message.startsWith("elec train: "), message);
        return message;
    }

    private Path samplesDir(List<LabeledSample> samples) throws Exception {
        Path samplesDir = Files.createDirectories(dir.resolve("samples"));
        SyntheticSamples.write(samples, samplesDir.resolve("part-0.avro"));
        return samplesDir;
    }

    @Test
    void emptyDirectory() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String message = failLine(options(empty));
        assertTrue(message.contains("no labeled-sample files") && message.contains(empty.toString()), message);
    }

    @Test
    void missingDirectory() {
        String message = failLine(options(dir.resolve("nowhere")));
        assertTrue(message.contains("does not exist"), message);
    }

    @Test
    void corruptAvro() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("corrupt"));
        Files.write(samples.resolve("part-0.avro"), "not avro at all".getBytes());
        String message = failLine(options(samples));
        assertTrue(message.contains("corrupt sample file") && message.contains("part-0.avro"), message);
    }

    @Test
    void truncatedAvro() throws Exception {
        Path samples = samplesDir(SyntheticSamples.generate(500, 3));
        Path file = samples.resolve("part-0.avro");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String message = failLine(options(samples));
        assertTrue(message.contains("corrupt sample file"), message);
    }

    @Test
    void splitWithoutPositives() throws Exception {
        List<LabeledSample> samples = SyntheticSamples.generate(500, 3);
        for (int i = 400; i < samples.size(); i++) {
            samples.get(i).setLabel(0);
        }
        String message = failLine(options(samplesDir(samples)));
        assertTrue(message.contains("has no positives"), message);
    }

    @Test
    void llmDirectoryWithoutTokenizer() throws Exception {
        TrainOptions options = options(samplesDir(SyntheticSamples.generate(500, 3)));
        options.llm = Files.createDirectories(dir.resolve("llm"));
        Files.write(options.llm.resolve("model.onnx"), new byte[]{1, 2, 3});
        String message = failLine(options);
        assertTrue(message.contains("has no tokenizer.json"), message);
    }

    @Test
    void featureSpecThatDoesNotMatchTheSamples() throws Exception {
        List<LabeledSample> samples = SyntheticSamples.generate(500, 3);
        samples.forEach(s -> s.setFeatureSpecHash("0123abcd"));
        String message = failLine(options(samplesDir(samples)));
        assertTrue(message.contains("feature spec hash 0123abcd"), message);
    }

    @Test
    void averagingDecayOutsideZeroToOne() throws Exception {
        TrainOptions options = options(samplesDir(SyntheticSamples.generate(500, 3)));
        options.emaDecay = 1f;
        assertTrue(failLine(options).contains("--ema-decay"));
    }

    @Test
    void teacherDropoutOutsideZeroToOne() throws Exception {
        TrainOptions options = options(samplesDir(SyntheticSamples.generate(500, 3)));
        options.teacherDropout = -0.1f;
        assertTrue(failLine(options).contains("--teacher-dropout"));
    }

    @Test
    void nonPositiveFinetuneLearningRate() throws Exception {
        TrainOptions options = options(samplesDir(SyntheticSamples.generate(500, 3)));
        options.finetuneLearningRate = 0f;
        assertTrue(failLine(options).contains("--finetune-lr"));
    }
}

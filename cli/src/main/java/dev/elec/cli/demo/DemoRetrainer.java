package dev.elec.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elec.trainer.TrainCommand;
import dev.elec.trainer.TrainOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One retrain of the demo: the trainer (ELEC, gate, publish to the registry, model update on the topic)
 * over every labeled sample the job has committed so far. The trainer's own output goes to a log file
 * beside its report, so that the status line stays readable.
 */
final class DemoRetrainer {

    /** How a retrain ended; {@code version} is the published one, or null. */
    record Result(int round, int exitCode, long rows, Double testAuc, String version, String note, double seconds) {
        boolean published() {
            return version != null;
        }
    }

    private final Path samplesDir;
    private final Path workDir;
    private final Path registryDir;
    private final String bootstrapServers;
    private final String modelUpdatesTopic;
    private final TrainingPreset preset;

    DemoRetrainer(Path samplesDir, Path workDir, Path registryDir, String bootstrapServers, String modelUpdatesTopic,
                  TrainingPreset preset) {
        this.samplesDir = samplesDir;
        this.workDir = workDir;
        this.registryDir = registryDir;
        this.bootstrapServers = bootstrapServers;
        this.modelUpdatesTopic = modelUpdatesTopic;
        this.preset = preset;
    }

    /** Where round {@code round} writes its report, bundle and log. */
    Path dir(int round) {
        return workDir.resolve("retrain-" + round);
    }

    Result retrain(int round) {
        long start = System.nanoTime();
        Path dir = dir(round);
        TrainOptions options = preset.options();
        options.samples = samplesDir;
        options.report = dir.resolve("report.json");
        options.bundle = dir.resolve("bundle");
        options.registry = registryDir;
        options.publish = true;
        options.bootstrapServers = bootstrapServers;
        options.topic = modelUpdatesTopic;
        Path log = dir.resolve("train.log");
        int exit;
        try {
            Files.createDirectories(dir);
            try (OutputStream file = Files.newOutputStream(log);
                 PrintStream out = new PrintStream(file, true, StandardCharsets.UTF_8)) {
                exit = TrainCommand.run(options, out, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the retrain log " + log, e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return read(round, exit, options.report, log, seconds);
    }

    private static Result read(int round, int exit, Path report, Path log, double seconds) {
        if (!Files.exists(report)) {
            return new Result(round, exit, 0, null, null, lastLine(log), seconds);
        }
        try {
            JsonNode json = new ObjectMapper().readTree(report.toFile());
            JsonNode gate = json.path("gate");
            String version = gate.path("published").asBoolean(false) ? gate.path("published_version").asText(null) : null;
            JsonNode auc = json.path("bundle").path("test_auc");
            return new Result(round, exit, json.path("data").path("rows").asLong(),
                    auc.isNumber() ? auc.asDouble() : null, version, gate.path("reason").asText(""), seconds);
        } catch (IOException e) {
            return new Result(round, exit, 0, null, null, "unreadable report " + report + ": " + e.getMessage(), seconds);
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "see " + log;
        }
    }
}

package dev.elec.cli.demo;

import dev.elec.replay.EventLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a demo run replays and how.
 *
 * @param retrainEvery event time between retrains; null: the stream's span divided into {@code retrains + 1}
 * @param holdDuringRetrain hold the replay while a retrain runs, so that each model serves the stream that
 *     follows its training data (the demo compresses months of event time into minutes)
 * @param jobConfigFile job configuration file (may be null); {@code jobOverrides} apply on top of the demo's settings
 */
public record DemoSettings(String dataset, EventLog log, double eventsPerSecond, int retrains, Duration retrainEvery,
                           boolean holdDuringRetrain, TrainingPreset preset, Path workDir, Path jobConfigFile,
                           Map<String, String> jobOverrides) {

    public DemoSettings {
        if (eventsPerSecond < 0) {
            throw new IllegalArgumentException("--rate must be >= 0, got " + eventsPerSecond);
        }
        if (retrains < 0) {
            throw new IllegalArgumentException("--retrains must be >= 0, got " + retrains);
        }
        jobOverrides = Map.copyOf(jobOverrides);
    }
}

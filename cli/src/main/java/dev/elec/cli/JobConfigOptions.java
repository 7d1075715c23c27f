package dev.elec.cli;

import dev.elec.job.config.JobConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config FILE} plus {@code --set key=value} overrides of the streaming job's configuration. */
final class JobConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Job configuration (properties file; keys in docs/deploying.md). Default: built-in defaults.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Overrides one configuration key, e.g. --set kafka.bootstrap-servers=broker:9092 (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    JobConfig load() {
        return JobConfig.load(file, overrides);
    }
}

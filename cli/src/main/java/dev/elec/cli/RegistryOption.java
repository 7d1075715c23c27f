package dev.elec.cli;

import dev.elec.model.registry.ModelRegistry;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --registry}: the model registry, a local directory or any Flink file system URI (hdfs://, s3://). */
final class RegistryOption {
    @Option(names = "--registry", paramLabel = "DIR|URI",
            description = "Model registry (default: runs/registry in the repository).")
    String registry;

    URI uri() {
        if (registry == null) {
            return Path.of(System.getProperty("elec.home", ".")).resolve("runs").resolve("registry")
                    .toAbsolutePath().normalize().toUri();
        }
        return registry.contains("://") ? URI.create(registry) : Path.of(registry).toAbsolutePath().normalize().toUri();
    }

    ModelRegistry open() {
        return new ModelRegistry(uri());
    }
}

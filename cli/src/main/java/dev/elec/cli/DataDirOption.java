package dev.elec.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: where the licensed datasets live; never inside the repository. */
final class DataDirOption {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Directory holding the datasets (default: ../shared/data beside the repository).")
    Path dataDir;

    Path resolve() {
        if (dataDir != null) {
            return dataDir;
        }
        String home = System.getProperty("elec.home", ".");
        return Path.of(home).toAbsolutePath().normalize().resolveSibling("shared").resolve("data");
    }
}

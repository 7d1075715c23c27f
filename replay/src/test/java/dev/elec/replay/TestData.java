package dev.elec.replay;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real-data directory, from system property {@code elec.data.dir}; tests skip when it is absent. */
final class TestData {

    private TestData() {
    }

    static Path requireDataDir(String subdirectory) {
        String property = System.getProperty("elec.data.dir");
        assumeTrue(property != null, "system property elec.data.dir is not set");
        Path dir = Path.of(property);
        assumeTrue(Files.isDirectory(dir.resolve(subdirectory)), "no dataset at " + dir.resolve(subdirectory));
        return dir;
    }
}

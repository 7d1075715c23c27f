package dev.elec.trainer.text;

import java.nio.file.Path;

/** Where tests keep the MiniLM copied out of its jar (90 MB): shared across runs, outside the repository. */
public final class TestDirs {
    private TestDirs() {
    }

    public static Path modelCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "elec", "trainer");
    }
}

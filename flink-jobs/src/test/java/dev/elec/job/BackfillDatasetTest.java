package dev.elec.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backfill over the real datasets gives the counts the issue asks for (skipped without the data). */
@Tag("slow")
class BackfillDatasetTest {

    private static Path dataDir() {
        String dir = System.getProperty("elec.data.dir", "../shared/data");
        Path path = Path.of(dir);
        assumeTrue(Files.isDirectory(path), "no dataset directory at " + path.toAbsolutePath());
        return path;
    }

    @Test
    void movieLens100k(@TempDir Path out) throws Exception {
        Path data = dataDir();
        assumeTrue(Files.isDirectory(data.resolve("movielens_100k")));
        BackfillSummary summary = Backfill.run("movielens-100k", data, out);
        System.out.println("movielens-100k " + summary.toJson());
        assertEquals(100_000, summary.samples());
        assertEquals(55_375, summary.positives());
        assertEquals(0, summary.dlq());
        assertEquals(100_000, SampleFiles.read(out).size());
    }

    @Test
    void mind(@TempDir Path out) throws Exception {
        Path data = dataDir();
        assumeTrue(Files.isDirectory(data.resolve("mind_small_subset")));
        BackfillSummary summary = Backfill.run("mind", data, out);
        System.out.println("mind " + summary.toJson());
        assertEquals(189_359, summary.samples());
        assertEquals(7_542, summary.positives());
        assertEquals(0, summary.dlq());
    }
}

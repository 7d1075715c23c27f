package dev.elec.model.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScoringBenchmarkTest {
    @Test
    void quickRunReportsEveryCase() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ScoringBenchmarkResult result =
                ScoringBenchmark.run(BenchmarkSettings.quick(), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(result.perRecordSamplesPerS() > 0);
        assertEquals(3, result.batchedSamplesPerS().size());
        assertEquals(3, result.rawForwardSamplesPerS().size());
        assertTrue(result.batch256P99Ms() > 0);
        assertTrue(result.table().contains("batched scorer"));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("intra-op threads"));
    }

    @Test
    void jsonLineHasTheIssueFields() {
        ScoringBenchmarkResult result =
                new ScoringBenchmarkResult(
                        8000, new TreeMap<>(Map.of(64, 120000.0, 256, 150000.4, 1024, 160000.0)),
                        new TreeMap<>(Map.of(64, 1.0, 256, 200000.0, 1024, 1.0)), 3.21);
        assertEquals(
                "{\"per_record_samples_per_s\":8000,\"batched_samples_per_s\":{\"64\":120000,\"256\":150000,\"1024\":160000},"
                        + "\"raw_forward_samples_per_s\":{\"256\":200000},\"batch256_p99_ms\":3.210}",
                result.toJson());
        assertTrue(result.meetsBar());
    }
}

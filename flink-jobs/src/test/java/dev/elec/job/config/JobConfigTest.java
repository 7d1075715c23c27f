package dev.elec.job.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigTest {

    @Test
    void fileThenOverrides(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, """
                # flat YAML works: key: value
                kafka.bootstrap-servers: broker:9092
                attribution.window: 45min
                scoring.batch-size: 64
                topic.samples: "custom.samples"
                """);
        JobConfig c = JobConfig.load(file, Map.of("scoring.batch-size", "128"));
        assertEquals("broker:9092", c.bootstrapServers());
        assertEquals(Duration.ofMinutes(45), c.attributionWindow());
        assertEquals(128, c.batchSize());
        assertEquals("custom.samples", c.samplesTopic());
        assertEquals("elec.clicks", c.clicksTopic());
    }

    @Test
    void durationsTakeIsoOrUnits() {
        assertEquals(Duration.ofMillis(200), JobConfig.parseDuration("200ms"));
        assertEquals(Duration.ofDays(7), JobConfig.parseDuration("7d"));
        assertEquals(Duration.ofMinutes(30), JobConfig.parseDuration("PT30M"));
        assertEquals(Duration.ofSeconds(5), JobConfig.parseDuration("5"));
    }

    @Test
    void rejectsUnknownKeysAndUnsafeValues() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> JobConfig.defaults().with("attribution.windw", "1h"));
        assertTrue(unknown.getMessage().contains("attribution.windw"));
        assertThrows(IllegalArgumentException.class, () -> JobConfig.defaults().with(JobConfig.TRANSACTION_TIMEOUT, "1h"));
        assertThrows(IllegalArgumentException.class, () -> JobConfig.defaults().with(JobConfig.BATCH_SIZE, "0"));
        assertThrows(IllegalArgumentException.class, () -> JobConfig.defaults().with(JobConfig.ATTRIBUTION_WINDOW, "soon"));
    }
}

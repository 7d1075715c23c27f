package dev.elec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elec.cli.demo.DemoRun;
import dev.elec.cli.demo.DemoSettings;
import dev.elec.cli.demo.DemoSummary;
import dev.elec.cli.demo.TrainingPreset;
import dev.elec.model.registry.ModelRegistry;
import dev.elec.replay.DatasetName;
import dev.elec.replay.Datasets;
import dev.elec.replay.EventLog;
import dev.elec.replay.SyntheticConfig;
import dev.elec.trainer.text.TextMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The loop of {@code bin/elec demo} on small synthetic data: replay -> job -> labeled samples -> train ->
 * publish -> hot swap -> scores tagged with the new version; then the nightly retrain over the samples the
 * job wrote, run twice, decides once.
 */
@Tag("slow")
class DemoEndToEndTest {

    @TempDir Path dir;

    @Test
    void aModelTrainedOnTheStreamsSamplesIsHotSwappedIntoTheRunningJob() throws Exception {
        EventLog log = Datasets.load(DatasetName.SYNTHETIC, dir, SyntheticConfig.small());
        Path work = dir.resolve("demo");
        DemoSettings settings = new DemoSettings("synthetic", log, 0, 1, null, true,
                new TrainingPreset(1, 1, TextMode.SEGMENT), work, null, Map.of());

        DemoSummary summary;
        try (DemoRun run = new DemoRun(settings, new PrintWriter(System.err, true), false)) {
            summary = run.run();
        }

        Map<String, Object> json = summary.json();
        System.err.println(JsonLine.of(json));
        assertEquals((long) log.impressions().size(), json.get("impressions"));
        assertEquals((long) log.impressions().size(), json.get("scores"), "every impression scored once");
        long samples = (Long) json.get("samples");
        assertTrue(samples > log.impressions().size() * 9L / 10 && samples <= log.impressions().size(),
                "samples for all but the last attribution window: " + samples);
        @SuppressWarnings("unchecked")
        Map<String, Object> retrain = ((List<Map<String, Object>>) json.get("retrains")).get(0);
        String published = (String) retrain.get("published");
        assertNotNull(published, "the retrain published: " + retrain);
        assertEquals(List.of("prior", published), json.get("model_versions"));
        assertTrue(summary.scoresByVersion().get("prior") > 0, "the prior served first");
        assertTrue(summary.scoresByVersion().get(published) > 0, "scores tagged with the new version");
        @SuppressWarnings("unchecked")
        Map<String, Object> auc = (Map<String, Object>) json.get("online_auc_by_version");
        assertEquals(0.5, (Double) auc.get("prior"), 1e-9, "a constant prior ranks nothing");
        assertNotNull(auc.get(published), "the new version's samples were labeled");
        assertEquals(published, new ModelRegistry(work.resolve("registry").toUri()).current().orElseThrow().version());

        // the nightly retrain over the job's hourly partitions: the same window is decided once
        String[] retrainArgs = {"retrain", "--samples", work.resolve("samples").toString(), "--window", "30d",
                "--registry", work.resolve("registry").toString(), "--report", dir.resolve("nightly/report.json").toString(),
                "--seeds", "1", "--epochs", "1"};
        StringWriter first = new StringWriter();
        int firstExit = run(first, retrainArgs);
        assertTrue(firstExit == ExitCodes.OK || firstExit == ExitCodes.REFUSED, "trained and decided: " + first);
        StringWriter second = new StringWriter();
        assertEquals(ExitCodes.OK, run(second, retrainArgs));
        JsonNode again = new ObjectMapper().readTree(second.toString().strip());
        assertEquals("nothing_new", again.get("status").asText(), second.toString());
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cmd = Elec.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        return cmd.execute(args);
    }
}

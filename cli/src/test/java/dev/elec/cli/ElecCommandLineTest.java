package dev.elec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ElecCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Elec.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "job", "replay", "backfill", "train", "retrain", "model", "bench"})
    void everySubcommandDescribesItsFlags(String subcommand) {
        assertEquals(0, run(subcommand, "--help"));
        assertTrue(out.toString().contains("Usage: elec " + subcommand), out.toString());
        assertTrue(out.toString().contains("--help"), out.toString());
    }

    @Test
    void unknownDatasetIsBadInputWithTheChoices() {
        assertEquals(ExitCodes.BAD_INPUT, run("replay", "--dataset", "criteo"));
        assertTrue(err.toString().contains("movielens-100k, mind, synthetic"), err.toString());
    }

    @Test
    void missingDatasetDirectoryIsOneClearLine(@TempDir Path empty) {
        int exit = run("replay", "--dataset", "movielens-100k", "--data-dir", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, exit);
        assertTrue(err.toString().contains(empty.toString()), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void replayIntoTheInProcessBrokerDeliversEveryEvent() throws Exception {
        int exit = run("replay", "--dataset", "synthetic", "--synthetic-users", "50",
                "--synthetic-items", "200", "--synthetic-impressions", "400", "--seed", "3");
        assertEquals(0, exit, err.toString());

        JsonNode summary = new ObjectMapper().readTree(out.toString().strip());
        assertEquals(400, summary.get("impressions").asLong());
        assertTrue(summary.get("clicks").asLong() > 0, out.toString());
        assertEquals(summary.get("impressions").asLong(), summary.get("impressions_read_back").asLong());
        assertEquals(summary.get("clicks").asLong(), summary.get("clicks_read_back").asLong());
    }
}

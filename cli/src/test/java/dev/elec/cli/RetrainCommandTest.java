package dev.elec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elec.trainer.TrainOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The window a retrain picks and its ledger; the trainer itself is stood in for (the end-to-end test runs it). */
class RetrainCommandTest {

    @TempDir Path dir;
    private Path samples;
    private final List<TrainOptions> trained = new ArrayList<>();
    private int trainerExit = ExitCodes.OK;
    private String out;
    private String err;

    @BeforeEach
    void hourlyPartitions() throws Exception {
        samples = dir.resolve("samples");
        for (int hour = 0; hour < 6; hour++) {
            partitionFile(String.format("dt=2024-03-01/hour=%02d", hour), "samples-a-0.avro");
        }
        Files.writeString(samples.resolve("dt=2024-03-01/hour=05/.samples-b-1.avro.inprogress.x"), "open");
    }

    private void partitionFile(String partition, String name) throws Exception {
        Files.writeString(Files.createDirectories(samples.resolve(partition)).resolve(name), "samples of " + partition);
    }

    private int retrain(String... extra) {
        RetrainCommand command = new RetrainCommand();
        command.trainer = options -> {
            trained.add(options);
            return trainerExit;
        };
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cmd = new CommandLine(command).setExecutionExceptionHandler(new CleanErrorHandler());
        cmd.setOut(new PrintWriter(stdout, true));
        cmd.setErr(new PrintWriter(stderr, true));
        List<String> args = new ArrayList<>(List.of("--samples", samples.toString(), "--registry",
                dir.resolve("registry").toString(), "--report", dir.resolve("report.json").toString()));
        args.addAll(List.of(extra));
        int exit = cmd.execute(args.toArray(String[]::new));
        out = stdout.toString();
        err = stderr.toString();
        return exit;
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.strip());
    }

    @Test
    void theSameWindowIsTrainedAndPublishedOnce() throws Exception {
        assertEquals(ExitCodes.OK, retrain("--window", "3h"));
        assertEquals("published", json().get("status").asText(), out);
        assertEquals(1, trained.size());

        assertEquals(ExitCodes.OK, retrain("--window", "3h"));
        assertEquals("nothing_new", json().get("status").asText(), out);
        assertTrue(err.contains("nothing new"), err);
        assertEquals(1, trained.size(), "not trained again");
        assertTrue(Files.exists(dir.resolve("registry/retrain-state.json")));
    }

    @Test
    void theWindowEndsAtTheNewestPartitionAndTakesOnlyCommittedFiles() throws Exception {
        assertEquals(ExitCodes.OK, retrain("--window", "3h"));
        TrainOptions options = trained.get(0);
        assertEquals(Instant.parse("2024-03-01T03:00:00Z"), options.from);
        assertEquals(Instant.parse("2024-03-01T06:00:00Z"), options.to);
        assertTrue(options.publish);
        assertEquals(3, json().get("partitions").asInt());
        assertEquals(3, json().get("files").asInt(), "the in-progress file is not counted");
    }

    @Test
    void newSamplesInTheWindowMakeANewRetrain() throws Exception {
        assertEquals(ExitCodes.OK, retrain("--window", "1d", "--until", "2024-03-02T00:00:00Z"));
        partitionFile("dt=2024-03-01/hour=07", "samples-c-0.avro");
        assertEquals(ExitCodes.OK, retrain("--window", "1d", "--until", "2024-03-02T00:00:00Z"));
        assertEquals("published", json().get("status").asText(), out);
        assertEquals(2, trained.size());
    }

    @Test
    void trainingFlagsReachTheTrainerAndAChangedOneMakesANewRetrain() throws Exception {
        assertEquals(ExitCodes.OK, retrain("--window", "3h", "--text-exclude", "user_zip,user_gender", "--beta", "10"));
        TrainOptions options = trained.get(0);
        assertEquals(Set.of("user_zip", "user_gender"), options.textExclude);
        assertEquals(10f, options.beta);

        assertEquals(ExitCodes.OK, retrain("--window", "3h", "--text-exclude", "user_gender,user_zip", "--beta", "10"));
        assertEquals("nothing_new", json().get("status").asText(), "the same settings, listed in another order");

        assertEquals(ExitCodes.OK, retrain("--window", "3h", "--text-exclude", "user_gender,user_zip", "--beta", "3"));
        assertEquals("published", json().get("status").asText(), out);
        assertEquals(2, trained.size());
    }

    @Test
    void aGateRefusalIsRecordedButBadInputIsRetried() throws Exception {
        trainerExit = ExitCodes.REFUSED;
        assertEquals(ExitCodes.REFUSED, retrain("--window", "2h"));
        assertEquals("refused", json().get("status").asText());
        assertEquals(ExitCodes.OK, retrain("--window", "2h"));
        assertEquals("nothing_new", json().get("status").asText());

        trainerExit = ExitCodes.BAD_INPUT;
        assertEquals(ExitCodes.BAD_INPUT, retrain("--window", "4h"));
        assertEquals(ExitCodes.BAD_INPUT, retrain("--window", "4h"));
        assertEquals(3, trained.size(), "a failed window runs again");
    }

    @Test
    void anEmptyWindowIsBadInputInOneLine() {
        assertEquals(ExitCodes.BAD_INPUT, retrain("--until", "2020-01-01T00:00:00Z"));
        assertTrue(err.contains("no sample files in the window"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertEquals(0, trained.size());
    }

    @Test
    void helpListsTheExitCodes() {
        assertEquals(0, retrain("--help"));
        assertTrue(out.contains("Exit codes:"), out);
        assertTrue(out.contains("gate refused"), out);
    }
}

package dev.elec.cli;

import dev.elec.trainer.TrainOptions;
import dev.elec.trainer.distill.TeacherMode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {

    private static TrainOptions parse(String... args) {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs(args);
        return command.toOptions();
    }

    @Test
    void defaultsAreTrainOptionsDefaults() {
        TrainOptions parsed = parse("--samples", "s", "--report", "r.json");
        TrainOptions defaults = new TrainOptions();
        assertEquals(defaults.dropout, parsed.dropout);
        assertEquals(defaults.teacherDropout, parsed.teacherDropout);
        assertEquals(defaults.emaDecay, parsed.emaDecay);
        assertEquals(defaults.beta, parsed.beta);
        assertEquals(defaults.teacher, parsed.teacher);
        assertEquals(defaults.finetuneLearningRate, parsed.finetuneLearningRate);
        assertEquals(defaults.noText, parsed.noText);
    }

    @Test
    void noTextReachesTheOptions() {
        assertTrue(parse("--samples", "s", "--report", "r.json", "--no-text").noText);
    }

    @Test
    void regularisationAndAveragingFlagsReachTheOptions() {
        TrainOptions parsed = parse("--samples", "s", "--report", "r.json", "--dropout", "0.05",
                "--teacher-dropout", "0.2", "--ema-decay", "0.99", "--teacher", "joint");
        assertEquals(0.05f, parsed.dropout);
        assertEquals(0.2f, parsed.teacherDropout);
        assertEquals(0.99f, parsed.emaDecay);
        assertEquals(TeacherMode.JOINT, parsed.teacher);
    }

    @Test
    void finetuneTeacherAndItsLearningRateReachTheOptions() {
        TrainOptions parsed = parse("--samples", "s", "--report", "r.json", "--teacher", "finetune",
                "--finetune-lr", "0.0005");
        assertEquals(TeacherMode.FINETUNE, parsed.teacher);
        assertEquals(0.0005f, parsed.finetuneLearningRate);
    }
}

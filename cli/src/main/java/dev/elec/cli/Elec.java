package dev.elec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bin/elec} launcher: one entry point, one subcommand per task. */
@Command(
        name = "elec",
        mixinStandardHelpOptions = true,
        versionProvider = ElecVersion.class,
        description = "ELEC streaming CTR: LLM knowledge distilled into a small network that scores every impression in-stream.",
        subcommands = {
            DemoCommand.class,
            JobCommand.class,
            ReplayCommand.class,
            BackfillCommand.class,
            TrainCommand.class,
            RetrainCommand.class,
            ModelCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Elec implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Elec())
                .setExecutionExceptionHandler(new CleanErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}

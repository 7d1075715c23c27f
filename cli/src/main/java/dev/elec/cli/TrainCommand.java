package dev.elec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Not in this build yet (issue #5).")
final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("elec train: not in this build yet (issue #5)");
        return ExitCodes.NOT_AVAILABLE;
    }
}

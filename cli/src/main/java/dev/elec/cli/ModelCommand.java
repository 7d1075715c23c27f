package dev.elec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "model", mixinStandardHelpOptions = true, description = "Not in this build yet (issue #3).")
final class ModelCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("elec model: not in this build yet (issue #3)");
        return ExitCodes.NOT_AVAILABLE;
    }
}

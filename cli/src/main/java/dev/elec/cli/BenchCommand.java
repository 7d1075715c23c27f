package dev.elec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Not in this build yet (issue #3).")
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("elec bench: not in this build yet (issue #3)");
        return ExitCodes.NOT_AVAILABLE;
    }
}

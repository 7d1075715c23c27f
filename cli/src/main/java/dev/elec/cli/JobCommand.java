package dev.elec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "job", mixinStandardHelpOptions = true, description = "Not in this build yet (issue #4).")
final class JobCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("elec job: not in this build yet (issue #4)");
        return ExitCodes.NOT_AVAILABLE;
    }
}

package dev.elec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "backfill", mixinStandardHelpOptions = true, description = "Not in this build yet (issue #4).")
final class BackfillCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("elec backfill: not in this build yet (issue #4)");
        return ExitCodes.NOT_AVAILABLE;
    }
}

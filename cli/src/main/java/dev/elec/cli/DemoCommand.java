package dev.elec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Not in this build yet (issue #6).")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("elec demo: not in this build yet (issue #6)");
        return ExitCodes.NOT_AVAILABLE;
    }
}

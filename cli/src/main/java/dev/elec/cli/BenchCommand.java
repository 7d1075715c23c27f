package dev.elec.cli;

import dev.elec.model.bench.BenchmarkSettings;
import dev.elec.model.bench.ScoringBenchmark;
import dev.elec.model.bench.ScoringBenchmarkResult;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmarks on this machine. 'scoring': the vanilla network through the batched scorer at batch 1 (per record),",
            "64, 256 and 1024, against the raw network forward on pre-built arrays. Prints a table, then one JSON line."
        })
final class BenchCommand implements Callable<Integer> {
    enum Suite { scoring }

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SUITE", description = "What to benchmark: ${COMPLETION-CANDIDATES}.")
    Suite suite;

    @Option(names = "--quick", description = "A few seconds instead of about a minute: a smoke run, not a measurement.")
    boolean quick;

    @Option(names = "--check", description = "Exit 3 when the scoring bar (batch 256 >= 100k samples/s, >= 60%% of raw, >= 10x per record) is missed.")
    boolean check;

    @Override
    public Integer call() {
        BenchmarkSettings settings = quick ? BenchmarkSettings.quick() : BenchmarkSettings.defaults();
        PrintStream progress = System.err;
        ScoringBenchmarkResult result = ScoringBenchmark.run(settings, progress);
        progress.print(result.table());
        spec.commandLine().getOut().println(result.toJson());
        return check && !result.meetsBar() ? ExitCodes.REFUSED : ExitCodes.OK;
    }
}

package dev.elec.cli;

import dev.elec.job.Backfill;
import dev.elec.job.BackfillSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the streaming job's operators over a dataset as a bounded stream and writes the labeled samples",
            "(the exact features the live job computes) as hourly Avro files under --out: the trainer's input.",
            "Prints one JSON summary line."
        })
final class BackfillCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatasetOptions dataset = new DatasetOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the labeled sample files go.")
    Path out;

    @Mixin JobConfigOptions config = new JobConfigOptions();

    @Override
    public Integer call() throws Exception {
        BackfillSummary summary = Backfill.run(
                dataset.load(spec.commandLine().getErr()), out, config.load());
        spec.commandLine().getOut().println(summary.toJson());
        return ExitCodes.OK;
    }
}

package dev.elec.cli;

import dev.elec.job.ElecJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the streaming job on a local Flink against a Kafka cluster: decode, features in RocksDB state,",
            "micro-batched scoring with hot-swapped models, impression-click attribution, labeled samples.",
            "Runs until stopped. To deploy on a Flink cluster, submit the flink-jobs jar (docs/deploying.md)."
        })
final class JobCommand implements Callable<Integer> {
    @Mixin JobConfigOptions config = new JobConfigOptions();

    @Override
    public Integer call() throws Exception {
        ElecJob.run(config.load());
        return ExitCodes.OK;
    }
}

package dev.elec.cli;

import dev.elec.replay.DatasetName;
import dev.elec.replay.EventLog;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --dataset} (required), {@code --data-dir} and the synthetic generator's flags: which events a command reads. */
final class DatasetOptions {
    @Option(names = "--dataset", required = true, converter = DatasetConverter.class, paramLabel = "NAME",
            description = "movielens-100k, mind or synthetic.")
    DatasetName dataset;

    @Mixin DataDirOption data = new DataDirOption();

    @Mixin SyntheticOptions synthetic = new SyntheticOptions();

    EventLog load(PrintWriter err) {
        return DatasetLoading.load(dataset, data, synthetic, err);
    }
}

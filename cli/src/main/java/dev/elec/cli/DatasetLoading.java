package dev.elec.cli;

import dev.elec.replay.BadLine;
import dev.elec.replay.DatasetName;
import dev.elec.replay.Datasets;
import dev.elec.replay.EventLog;
import java.io.PrintWriter;

/** Loads a dataset for a command and reports each bad line it skipped on stderr, with file and line number. */
final class DatasetLoading {
    private DatasetLoading() {}

    static EventLog load(DatasetName dataset, DataDirOption data, SyntheticOptions synthetic, PrintWriter err) {
        EventLog log = Datasets.load(dataset, data.resolve(), synthetic.toConfig());
        for (BadLine bad : log.badLines()) {
            err.printf("bad line %s:%d: %s%n", bad.file(), bad.lineNumber(), bad.reason());
        }
        return log;
    }
}

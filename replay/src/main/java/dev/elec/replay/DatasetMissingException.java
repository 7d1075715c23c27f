package dev.elec.replay;

import java.nio.file.Path;

/** A dataset file or directory that a reader needs does not exist. */
public final class DatasetMissingException extends RuntimeException {

    private final Path path;

    public DatasetMissingException(DatasetName dataset, Path path) {
        super("dataset " + dataset.cliName() + ": missing " + path.toAbsolutePath());
        this.path = path;
    }

    /** The file or directory that was looked for. */
    public Path path() {
        return path;
    }
}

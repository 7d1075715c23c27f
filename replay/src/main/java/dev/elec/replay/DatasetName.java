package dev.elec.replay;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The datasets the replayer can turn into impression and click streams. */
public enum DatasetName {
    MOVIELENS_100K("movielens-100k"),
    MIND("mind"),
    SYNTHETIC("synthetic");

    private final String cliName;

    DatasetName(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line, e.g. {@code movielens-100k}. */
    public String cliName() {
        return cliName;
    }

    /** Parses a CLI name (or the enum constant name), case-insensitively. */
    public static DatasetName parse(String name) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (DatasetName d : values()) {
                if (d.cliName.equals(wanted) || d.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "', expected one of "
                + Arrays.stream(values()).map(DatasetName::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}

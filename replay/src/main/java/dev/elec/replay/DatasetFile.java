package dev.elec.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a delimited dataset file line by line, turning rejected lines into {@link BadLine}s. */
final class DatasetFile {

    @FunctionalInterface
    interface LineParser {
        void parse(long lineNumber, String[] columns) throws LineRejected;
    }

    private final Path path;
    private final Charset charset;
    private final String separatorRegex;
    private final int columns;

    /**
     * @param separatorRegex column separator as a regex
     * @param columns        exact number of columns a line must have
     */
    /** {@code dir/fileName}, which {@code dataset} cannot be read without. */
    static Path require(DatasetName dataset, Path dir, String fileName) {
        Path path = dir.resolve(fileName);
        if (!Files.isRegularFile(path)) {
            throw new DatasetMissingException(dataset, path);
        }
        return path;
    }

    DatasetFile(Path path, Charset charset, String separatorRegex, int columns) {
        this.path = path;
        this.charset = charset;
        this.separatorRegex = separatorRegex;
        this.columns = columns;
    }

    /** Parses every non-empty line; a line with the wrong column count or that the parser rejects goes to badLines. */
    void forEachLine(List<BadLine> badLines, LineParser parser) {
        // InputStreamReader replaces malformed bytes instead of throwing, so one bad byte cannot abort a load.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path), charset))) {
            long lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue; // carries no record (u.genre ends with one)
                }
                String[] parts = line.split(separatorRegex, -1);
                if (parts.length != columns) {
                    badLines.add(bad(lineNumber, "expected " + columns + " columns, found " + parts.length));
                    continue;
                }
                try {
                    parser.parse(lineNumber, parts);
                } catch (LineRejected e) {
                    badLines.add(bad(lineNumber, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    private BadLine bad(long lineNumber, String reason) {
        return new BadLine(path.toString(), lineNumber, reason);
    }

    static int parseInt(String value, String what) throws LineRejected {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LineRejected(what + " is not an integer: '" + value + "'");
        }
    }

    static long parseLong(String value, String what) throws LineRejected {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new LineRejected(what + " is not an integer: '" + value + "'");
        }
    }
}

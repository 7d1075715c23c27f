package dev.elec.cli.retrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hourly partitions a retrain reads: those starting in {@code [until - span, until)}. {@code until}
 * defaults to the end of the newest partition present.
 */
public record SampleWindow(Instant from, Instant until, List<HourPartition> partitions) {

    public static SampleWindow select(Path samplesRoot, Duration span, Instant until) {
        List<HourPartition> all = partitions(samplesRoot);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no hourly sample partitions (dt=YYYY-MM-DD/hour=HH) under " + samplesRoot);
        }
        Instant end = until != null ? until : all.get(all.size() - 1).end();
        Instant from = end.minus(span);
        List<HourPartition> selected = all.stream()
                .filter(p -> !p.start().isBefore(from) && p.start().isBefore(end))
                .toList();
        return new SampleWindow(from, end, selected);
    }

    /** The committed sample files of the window (the job's in-progress files are hidden, dot-prefixed). */
    public List<Path> files() {
        return partitions.stream().flatMap(p -> list(p.dir())).toList();
    }

    static List<HourPartition> partitions(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("sample directory " + root + " does not exist");
        }
        try (Stream<Path> dirs = Files.find(root, 2, (p, attrs) -> attrs.isDirectory())) {
            return dirs.map(HourPartition::of).flatMap(java.util.Optional::stream)
                    .sorted(Comparator.comparing(HourPartition::start)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list sample directory " + root, e);
        }
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list sample partition " + dir, e);
        }
    }
}

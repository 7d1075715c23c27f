package dev.elec.cli.retrain;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One of the streaming job's hourly sample partitions, {@code dt=2019-11-09/hour=13} (UTC event hours). */
public record HourPartition(Instant start, Path dir) {

    private static final Pattern DAY = Pattern.compile("dt=(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern HOUR = Pattern.compile("hour=(\\d{2})");

    /** The partition {@code hourDir} names, if it is one ({@code .../dt=YYYY-MM-DD/hour=HH}). */
    static Optional<HourPartition> of(Path hourDir) {
        Path parent = hourDir.getParent();
        if (parent == null) {
            return Optional.empty();
        }
        Matcher hour = HOUR.matcher(hourDir.getFileName().toString());
        Matcher day = DAY.matcher(parent.getFileName().toString());
        if (!hour.matches() || !day.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(hour.group(1));
        if (h > 23) {
            return Optional.empty();
        }
        Instant start = LocalDate.parse(day.group(1)).atStartOfDay(ZoneOffset.UTC).plusHours(h).toInstant();
        return Optional.of(new HourPartition(start, hourDir));
    }

    public Instant end() {
        return start.plusSeconds(3600);
    }
}

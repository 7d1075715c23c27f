package dev.elec.trainer.data;

import dev.elec.trainer.BadInputException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits samples by event time into train, validation and test: by fractions of the rows (default 80/10/10)
 * or at explicit cutoffs. Rows sharing a timestamp never straddle a boundary.
 */
public final class TimeSplit {

    public record Split(List<Sample> train, List<Sample> validation, List<Sample> test) {
    }

    private TimeSplit() {
    }

    public static Split byFraction(List<Sample> samples, double trainFraction, double validationFraction) {
        if (trainFraction <= 0 || validationFraction <= 0 || trainFraction + validationFraction >= 1) {
            throw new BadInputException("split fractions must be positive and leave room for a test split (train "
                    + trainFraction + ", validation " + validationFraction + ")");
        }
        List<Sample> sorted = sorted(samples);
        int validStart = boundary(sorted, (int) Math.round(sorted.size() * trainFraction));
        int testStart = boundary(sorted, (int) Math.round(sorted.size() * (trainFraction + validationFraction)));
        return checked(new Split(sorted.subList(0, validStart), sorted.subList(validStart, testStart),
                sorted.subList(testStart, sorted.size())));
    }

    public static Split atCutoffs(List<Sample> samples, Instant validationFrom, Instant testFrom) {
        if (!validationFrom.isBefore(testFrom)) {
            throw new BadInputException("validation cutoff " + validationFrom + " is not before test cutoff " + testFrom);
        }
        List<Sample> train = new ArrayList<>();
        List<Sample> validation = new ArrayList<>();
        List<Sample> test = new ArrayList<>();
        for (Sample s : sorted(samples)) {
            if (s.eventTimeMillis() < validationFrom.toEpochMilli()) {
                train.add(s);
            } else if (s.eventTimeMillis() < testFrom.toEpochMilli()) {
                validation.add(s);
            } else {
                test.add(s);
            }
        }
        return checked(new Split(train, validation, test));
    }

    private static List<Sample> sorted(List<Sample> samples) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(Sample::eventTimeMillis).thenComparing(Sample::impressionId));
        return sorted;
    }

    /** Moves an index forward past rows with the same timestamp as the row before it. */
    private static int boundary(List<Sample> sorted, int index) {
        int i = Math.max(0, Math.min(index, sorted.size()));
        while (i > 0 && i < sorted.size()
                && sorted.get(i).eventTimeMillis() == sorted.get(i - 1).eventTimeMillis()) {
            i++;
        }
        return i;
    }

    private static Split checked(Split split) {
        check("train", split.train());
        check("validation", split.validation());
        check("test", split.test());
        return split;
    }

    private static void check(String name, List<Sample> rows) {
        if (rows.isEmpty()) {
            throw new BadInputException("the " + name + " split is empty");
        }
        long positives = rows.stream().filter(s -> s.label() == 1).count();
        String span = rows.size() + " rows from " + Instant.ofEpochMilli(rows.get(0).eventTimeMillis())
                + " to " + Instant.ofEpochMilli(rows.get(rows.size() - 1).eventTimeMillis());
        if (positives == 0) {
            throw new BadInputException("the " + name + " split (" + span + ") has no positives");
        }
        if (positives == rows.size()) {
            throw new BadInputException("the " + name + " split (" + span + ") has no negatives");
        }
    }
}

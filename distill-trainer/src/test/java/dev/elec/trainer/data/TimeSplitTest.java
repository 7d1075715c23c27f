package dev.elec.trainer.data;

import dev.elec.trainer.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeSplitTest {

    private static List<Sample> samples(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Sample("imp-" + i, 1_000L * i, i % 3 == 0 ? 1 : 0, new int[]{i}, Map.of()));
        }
        Collections.shuffle(out, new java.util.Random(7));
        return out;
    }

    @Test
    void splitsByEventTimeEightyTenTen() {
        TimeSplit.Split split = TimeSplit.byFraction(samples(100), 0.8, 0.1);
        assertEquals(80, split.train().size());
        assertEquals(10, split.validation().size());
        assertEquals(10, split.test().size());
        long lastTrain = split.train().get(79).eventTimeMillis();
        assertTrue(split.train().stream().allMatch(s -> s.eventTimeMillis() <= lastTrain));
        assertTrue(split.validation().stream().allMatch(s -> s.eventTimeMillis() > lastTrain));
        long lastValidation = split.validation().get(9).eventTimeMillis();
        assertTrue(split.test().stream().allMatch(s -> s.eventTimeMillis() > lastValidation));
    }

    @Test
    void splitsAtExplicitCutoffs() {
        TimeSplit.Split split = TimeSplit.atCutoffs(samples(100), Instant.ofEpochMilli(50_000), Instant.ofEpochMilli(90_000));
        assertEquals(50, split.train().size());
        assertEquals(40, split.validation().size());
        assertEquals(10, split.test().size());
    }

    @Test
    void rowsSharingATimestampStayTogether() {
        List<Sample> rows = new ArrayList<>(samples(10));
        for (int i = 0; i < 10; i++) {
            rows.add(new Sample("same-" + i, 7_500L, i % 2, new int[]{0}, Map.of()));
        }
        TimeSplit.Split split = TimeSplit.byFraction(rows, 0.4, 0.3);
        long boundary = split.validation().get(0).eventTimeMillis();
        assertTrue(split.train().stream().noneMatch(s -> s.eventTimeMillis() == boundary));
    }

    @Test
    void refusesASplitWithoutPositives() {
        List<Sample> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(new Sample("imp-" + i, i, i < 90 && i % 2 == 0 ? 1 : 0, new int[]{0}, Map.of()));
        }
        BadInputException e = assertThrows(BadInputException.class, () -> TimeSplit.byFraction(rows, 0.8, 0.1));
        assertTrue(e.getMessage().startsWith("the test split"), e.getMessage());
        assertTrue(e.getMessage().contains("has no positives"), e.getMessage());
    }
}

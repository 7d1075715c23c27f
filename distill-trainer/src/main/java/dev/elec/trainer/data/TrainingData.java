package dev.elec.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The split samples as flat arrays under one row numbering: train rows, then validation, then test.
 * {@code ids} is row-major [rows, slots], exactly as logged.
 */
public final class TrainingData {
    private final List<Sample> samples;
    private final int trainEnd;
    private final int validationEnd;
    private final int slots;
    private final int[] ids;
    private final float[] labels;

    public TrainingData(TimeSplit.Split split, int slots) {
        this.samples = new ArrayList<>(split.train());
        samples.addAll(split.validation());
        samples.addAll(split.test());
        this.trainEnd = split.train().size();
        this.validationEnd = trainEnd + split.validation().size();
        this.slots = slots;
        this.ids = new int[samples.size() * slots];
        this.labels = new float[samples.size()];
        for (int r = 0; r < samples.size(); r++) {
            Sample s = samples.get(r);
            System.arraycopy(s.ids(), 0, ids, r * slots, slots);
            labels[r] = s.label();
        }
    }

    private TrainingData(TrainingData other, int[] ids) {
        this.samples = other.samples;
        this.trainEnd = other.trainEnd;
        this.validationEnd = other.validationEnd;
        this.slots = other.slots;
        this.ids = ids;
        this.labels = other.labels;
    }

    /** The same rows with every id replaced through {@code renumber} (same length as {@link #allIds()}). */
    public TrainingData withIds(int[] renumbered) {
        if (renumbered.length != ids.length) {
            throw new IllegalArgumentException(renumbered.length + " ids for " + ids.length + " slots");
        }
        return new TrainingData(this, renumbered);
    }

    /** All rows' ids, row-major (a copy). */
    public int[] allIds() {
        return ids.clone();
    }

    public List<Sample> samples() {
        return samples;
    }

    public int rows() {
        return samples.size();
    }

    public int slots() {
        return slots;
    }

    public int[] train() {
        return IntStream.range(0, trainEnd).toArray();
    }

    public int[] validation() {
        return IntStream.range(trainEnd, validationEnd).toArray();
    }

    public int[] test() {
        return IntStream.range(validationEnd, samples.size()).toArray();
    }

    public int trainRows() {
        return trainEnd;
    }

    public int validationRows() {
        return validationEnd - trainEnd;
    }

    public int testRows() {
        return samples.size() - validationEnd;
    }

    public int[] gatherIds(int[] rows) {
        int[] out = new int[rows.length * slots];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(ids, rows[i] * slots, out, i * slots, slots);
        }
        return out;
    }

    public float[] gatherLabels(int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[rows[i]];
        }
        return out;
    }
}

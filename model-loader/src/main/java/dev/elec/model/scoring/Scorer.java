package dev.elec.model.scoring;

/** Scores encoded feature rows. Implementations say whether they are thread-safe. */
public interface Scorer extends AutoCloseable {

    /** Version of the model behind the scores; "prior" for {@link PriorScorer}. */
    String modelVersion();

    /**
     * Click probabilities in [0, 1] for {@code rows} rows of {@code ids} (row-major, rows x
     * numSlots; the array may be longer than needed). Zero rows give an empty array.
     */
    float[] score(int[] ids, int rows);

    @Override
    void close();
}

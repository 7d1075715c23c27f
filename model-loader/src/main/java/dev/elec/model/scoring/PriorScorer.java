package dev.elec.model.scoring;

import java.util.Arrays;

/** Scores every row with a smoothed global CTR; stands in before any model is published. Thread-safe. */
public final class PriorScorer implements Scorer {
    public static final String VERSION = "prior";
    /** Beta prior: as if 1 click in 20 impressions had been seen. */
    static final double PRIOR_CLICKS = 1;
    static final double PRIOR_IMPRESSIONS = 20;

    private final float ctr;

    public PriorScorer(double ctr) {
        if (!(ctr >= 0 && ctr <= 1)) {
            throw new IllegalArgumentException("prior CTR must be in [0, 1], got " + ctr);
        }
        this.ctr = (float) ctr;
    }

    /** The prior alone (5%). */
    public static PriorScorer defaults() {
        return fromCounts(0, 0);
    }

    /** (clicks + 1) / (impressions + 20). */
    public static PriorScorer fromCounts(long clicks, long impressions) {
        if (clicks < 0 || impressions < 0 || clicks > impressions) {
            throw new IllegalArgumentException("invalid counts: clicks " + clicks + ", impressions " + impressions);
        }
        return new PriorScorer((clicks + PRIOR_CLICKS) / (impressions + PRIOR_IMPRESSIONS));
    }

    public float ctr() {
        return ctr;
    }

    @Override
    public String modelVersion() {
        return VERSION;
    }

    @Override
    public float[] score(int[] ids, int rows) {
        float[] out = new float[rows];
        Arrays.fill(out, ctr);
        return out;
    }

    @Override
    public void close() {}
}

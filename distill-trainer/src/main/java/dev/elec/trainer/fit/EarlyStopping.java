package dev.elec.trainer.fit;

/** Tracks the best validation AUC; patience counts validations without improvement. */
public final class EarlyStopping {
    private final int patience;
    private double best = Double.NEGATIVE_INFINITY;
    private int sinceBest;
    private int bestValidation = -1;
    private int validations;

    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Records one validation; true when it is a new best. */
    public boolean record(double validationAuc) {
        validations++;
        if (validationAuc > best) {
            best = validationAuc;
            sinceBest = 0;
            bestValidation = validations;
            return true;
        }
        sinceBest++;
        return false;
    }

    public boolean exhausted() {
        return sinceBest >= patience;
    }

    public double best() {
        return best;
    }

    /** 1-based index of the best validation. */
    public int bestValidation() {
        return bestValidation;
    }
}

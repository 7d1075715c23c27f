package dev.elec.model.bundle;

/** A bundle failed a load check; the caller should keep the model it has. */
public class BundleRejectedException extends RuntimeException {
    private final Check check;

    public BundleRejectedException(Check check, String msg) {
        super(check + ": " + msg);
        this.check = check;
    }

    public BundleRejectedException(Check check, String msg, Throwable cause) {
        super(check + ": " + msg, cause);
        this.check = check;
    }

    public Check check() {
        return check;
    }
}

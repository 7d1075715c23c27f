package dev.elec.schemas;

/** A message that is not a decodable single-object encoded record of the expected type. */
public class RecordDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DecodeFailure reason;

    public RecordDecodeException(DecodeFailure reason, String message) {
        this(reason, message, null);
    }

    public RecordDecodeException(DecodeFailure reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public DecodeFailure reason() {
        return reason;
    }
}

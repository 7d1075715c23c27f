package dev.elec.trainer;

/** Input the trainer cannot use (missing or corrupt samples, a degenerate split, an incomplete LLM directory): exit code 2. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

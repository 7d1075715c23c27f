package dev.elec.cli;

/** Input the user can fix (a missing dataset, a bad flag value): reported in one line, exit code 2. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}

package dev.elec.cli;

/** Exit codes every subcommand shares; schedulers act on them. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int REFUSED = 3;

    private ExitCodes() {}
}

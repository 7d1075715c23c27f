package dev.elec.replay;

/** Thrown by a line parser to reject one line; the reader records it as a {@link BadLine}. */
final class LineRejected extends Exception {

    LineRejected(String reason) {
        super(reason, null, false, false);
    }
}

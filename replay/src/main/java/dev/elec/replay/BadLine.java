package dev.elec.replay;

/** A dataset line that could not be turned into events, with where it is and why. */
public record BadLine(String file, long lineNumber, String reason) {

    @Override
    public String toString() {
        return file + ":" + lineNumber + ": " + reason;
    }
}

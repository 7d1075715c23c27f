package dev.elec.trainer.distill;

import java.util.Locale;

/**
 * {@code JOINT}: gain and vanilla networks train together, each student learning from the gain's current outputs.
 * {@code FROZEN}: the gain network trains first to its best validation point; the students then learn from that
 * fixed teacher (no dropout, no early-training noise in the targets).
 */
public enum TeacherMode {
    JOINT, FROZEN;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TeacherMode parse(String value) {
        for (TeacherMode mode : values()) {
            if (mode.cliName().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown teacher mode '" + value + "' (joint or frozen)");
    }
}

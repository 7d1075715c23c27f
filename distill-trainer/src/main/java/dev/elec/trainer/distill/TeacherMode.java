package dev.elec.trainer.distill;

import java.util.Locale;

/**
 * {@code JOINT}: gain and vanilla networks train together, each student learning from the gain's current outputs.
 * {@code FROZEN}: the gain network trains first to its best validation point; the students then learn from that
 * fixed teacher (no dropout, no early-training noise in the targets).
 * {@code FINETUNE}: the gain network and the baseline train first, each to its best validation point; every student,
 * the baseline included, then starts from the baseline's best weights and continues with its own loss against the
 * fixed teacher. A student whose loss does not help on validation stays at the baseline's point.
 */
public enum TeacherMode {
    JOINT, FROZEN, FINETUNE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TeacherMode parse(String value) {
        for (TeacherMode mode : values()) {
            if (mode.cliName().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown teacher mode '" + value + "' (joint, frozen or finetune)");
    }
}

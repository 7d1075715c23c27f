package dev.elec.trainer.text;

import java.util.Locale;

/**
 * {@code ROW}: the whole sample as one text (the paper's). {@code SEGMENT}: user, item and context parts encoded
 * separately (each distinct part once) and concatenated, so the adaptation head still sees user and item together.
 */
public enum TextMode {
    ROW, SEGMENT;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TextMode parse(String value) {
        for (TextMode mode : values()) {
            if (mode.cliName().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown text mode '" + value + "' (row or segment)");
    }
}

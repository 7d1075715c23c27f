package dev.elec.replay;

import java.time.Instant;

/** Deterministic delay between an impression and its click: 5 s plus 0-25 s derived from the impression id. */
final class ClickDelay {

    private static final long MIN_SECONDS = 5;
    private static final int SPREAD_SECONDS = 26;

    private ClickDelay() {
    }

    static Instant clickTime(Instant impressionTime, String impressionId) {
        // String.hashCode is specified by the JLS, so the delay is the same on every JVM.
        int spread = Math.floorMod(impressionId.hashCode() * 0x9E3779B1, SPREAD_SECONDS);
        return impressionTime.plusSeconds(MIN_SECONDS + spread);
    }
}

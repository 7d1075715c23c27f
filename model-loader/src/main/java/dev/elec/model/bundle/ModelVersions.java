package dev.elec.model.bundle;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Model version ids such as {@code v20261128T103000Z-3fa2}: they sort by creation time. */
public final class ModelVersions {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("'v'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern VALID = Pattern.compile("v\\d{8}T\\d{6}Z-[0-9a-f]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ModelVersions() {}

    public static String next() {
        return next(Clock.systemUTC());
    }

    public static String next(Clock clock) {
        return STAMP.format(clock.instant()) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
    }

    /** Whether {@code version} is a well-formed id (and so a safe directory name). */
    public static boolean isValid(String version) {
        return version != null && VALID.matcher(version).matches();
    }
}

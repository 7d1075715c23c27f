package dev.elec.cli.retrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * sha256 over what decides a retrain's outcome: the sample files (path relative to the samples root and
 * size: the job's committed files never change) and the settings (window, trainer options, registry).
 */
public final class InputFingerprint {
    private InputFingerprint() {}

    public static String of(Path samplesRoot, List<Path> files, List<String> settings) {
        MessageDigest digest = sha256();
        for (String setting : settings) {
            update(digest, "setting " + setting);
        }
        for (Path file : files) {
            try {
                update(digest, "file " + samplesRoot.relativize(file) + " " + Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of sample file " + file, e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}

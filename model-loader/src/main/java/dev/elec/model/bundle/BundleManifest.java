package dev.elec.model.bundle;

import dev.elec.model.net.NetworkConfig;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json}: identity and contents of a bundle.
 *
 * @param formatVersion bundle layout version
 * @param version model version id (time-sortable, unique)
 * @param createdAt ISO-8601 instant
 * @param featureSpec spec version, hash and file
 * @param network architecture of the vanilla network
 * @param metrics training and evaluation metrics
 * @param files sha256 (hex) of every other file in the bundle, by file name
 */
public record BundleManifest(
        int formatVersion,
        String version,
        String createdAt,
        FeatureSpecRef featureSpec,
        NetworkConfig network,
        Map<String, Double> metrics,
        Map<String, String> files) {

    public static final int FORMAT_VERSION = 1;
    public static final String FILE = "manifest.json";
    public static final String FEATURE_SPEC_FILE = "feature-spec.json";
    public static final String VANILLA_PARAMS_FILE = "vanilla.params";

    public BundleManifest {
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
        files = files == null ? Map.of() : new TreeMap<>(files);
    }

    public Instant createdAtInstant() {
        return Instant.parse(createdAt);
    }
}

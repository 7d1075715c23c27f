package dev.elec.model.bundle;

import ai.djl.nn.Block;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.NetworkConfig;
import java.util.Map;
import java.util.Objects;

/**
 * What a bundle is written from.
 *
 * @param featureSpec the spec the network was trained on
 * @param network the vanilla network's architecture
 * @param vanilla the trained vanilla network (initialized block built with {@code network} and {@code featureSpec})
 * @param metrics training and evaluation metrics for the manifest
 * @param extraFiles more files to ship and checksum (e.g. an evaluation report), by plain file name
 */
public record BundleContents(
        FeatureSpec featureSpec, NetworkConfig network, Block vanilla, Map<String, Double> metrics,
        Map<String, byte[]> extraFiles) {

    public BundleContents {
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(vanilla, "vanilla");
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        extraFiles = extraFiles == null ? Map.of() : Map.copyOf(extraFiles);
    }

    public BundleContents(FeatureSpec featureSpec, NetworkConfig network, Block vanilla, Map<String, Double> metrics) {
        this(featureSpec, network, vanilla, metrics, Map.of());
    }
}

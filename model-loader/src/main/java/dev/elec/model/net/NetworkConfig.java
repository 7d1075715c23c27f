package dev.elec.model.net;

import java.util.Arrays;
import java.util.Objects;

/**
 * Architecture of a vanilla or gain network.
 *
 * @param backbone DeepFM or DCNv2
 * @param embeddingDim width of each field embedding
 * @param mlpUnits hidden layer widths; the last one is the hidden representation size H
 * @param crossLayers cross layers (DCNv2 only)
 * @param dropout dropout rate after each hidden layer while training
 * @param denseInputDim 0 for the vanilla network; the LLM vector width for the gain network
 */
public record NetworkConfig(
        Backbone backbone, int embeddingDim, int[] mlpUnits, int crossLayers, float dropout, int denseInputDim) {

    public NetworkConfig {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(mlpUnits, "mlpUnits");
        mlpUnits = mlpUnits.clone();
        if (embeddingDim < 1 || mlpUnits.length == 0 || Arrays.stream(mlpUnits).anyMatch(u -> u < 1)) {
            throw new IllegalArgumentException("invalid network config: " + describe(embeddingDim, mlpUnits));
        }
        if (crossLayers < 0 || denseInputDim < 0 || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException(
                    "invalid network config: crossLayers=" + crossLayers + " dropout=" + dropout + " denseInputDim=" + denseInputDim);
        }
    }

    /** DeepFM, embedding 16, MLP 256-128, no dense input. */
    public static NetworkConfig vanillaDefaults() {
        return new NetworkConfig(Backbone.DEEPFM, 16, new int[] {256, 128}, 2, 0.1f, 0);
    }

    /** The same structure taking a dense vector of {@code dim} (the gain network). */
    public NetworkConfig withDenseInput(int dim) {
        return new NetworkConfig(backbone, embeddingDim, mlpUnits, crossLayers, dropout, dim);
    }

    /** Size H of the last hidden representation. */
    public int hiddenSize() {
        return mlpUnits[mlpUnits.length - 1];
    }

    @Override
    public int[] mlpUnits() {
        return mlpUnits.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkConfig c
                && backbone == c.backbone
                && embeddingDim == c.embeddingDim
                && Arrays.equals(mlpUnits, c.mlpUnits)
                && crossLayers == c.crossLayers
                && Float.compare(dropout, c.dropout) == 0
                && denseInputDim == c.denseInputDim;
    }

    @Override
    public int hashCode() {
        return Objects.hash(backbone, embeddingDim, Arrays.hashCode(mlpUnits), crossLayers, dropout, denseInputDim);
    }

    @Override
    public String toString() {
        return "NetworkConfig[" + backbone + ", " + describe(embeddingDim, mlpUnits) + ", cross " + crossLayers
                + ", dropout " + dropout + ", dense " + denseInputDim + "]";
    }

    private static String describe(int embeddingDim, int[] mlpUnits) {
        return "embedding " + embeddingDim + ", mlp " + Arrays.toString(mlpUnits);
    }
}

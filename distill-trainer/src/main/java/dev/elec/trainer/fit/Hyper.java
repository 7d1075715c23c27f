package dev.elec.trainer.fit;

/** Optimisation settings shared by Stage 1 and the pseudo-siamese networks. */
public record Hyper(float learningRate, int maxEpochs, int batchSize, int validationsPerEpoch, int patience) {
}

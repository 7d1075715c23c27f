package dev.elec.trainer.fit;

import ai.djl.ndarray.NDArray;

/** Losses on logits, written out so that soft targets (a teacher's probabilities) work too. */
public final class Losses {
    private Losses() {
    }

    /** Mean binary cross-entropy of {@code logits} against targets in [0, 1], numerically stable. */
    public static NDArray bceWithLogits(NDArray logits, NDArray targets) {
        return logits.maximum(0f).sub(logits.mul(targets)).add(logits.abs().neg().exp().add(1f).log()).mean();
    }

    public static NDArray mse(NDArray a, NDArray b) {
        return a.sub(b).square().mean();
    }
}

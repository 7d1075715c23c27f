package dev.elec.trainer.fit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Exponential moving average (Polyak averaging) of a block's parameters, updated after each optimizer step and
 * swapped into the block while it is evaluated or snapshotted. Validation AUC of the raw weights jumps from one
 * validation to the next, and early stopping picks the luckiest jump; the averaged weights move smoothly.
 * A decay of 0 turns averaging off: {@link #update()} does nothing and {@link #evaluate} runs on the raw weights.
 */
public final class ParameterAverage {
    private final float decay;
    private final List<NDArray> live = new ArrayList<>();
    private final List<NDArray> average = new ArrayList<>();
    private final List<NDArray> stash = new ArrayList<>();
    private long updates;

    /** Averages of {@code block}'s (initialised) parameters, kept on {@code manager} and freed with it. */
    public ParameterAverage(Block block, float decay, NDManager manager) {
        if (decay < 0 || decay >= 1) {
            throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + decay);
        }
        this.decay = decay;
        if (decay == 0) {
            return;
        }
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            NDArray array = parameter.getValue().getArray();
            live.add(array);
            average.add(copy(array, manager));
            stash.add(copy(array, manager));
        }
    }

    /**
     * The decay used at the {@code updates}-th update: {@code min(decay, (1 + t) / (10 + t))}, so the first updates
     * forget the initial weights quickly instead of dragging them along for ~1 / (1 - decay) steps.
     */
    public static float decayAt(float decay, long updates) {
        return Math.min(decay, (1f + updates) / (10f + updates));
    }

    /** {@code average += (1 - d) * (live - average)}, in place. Call after each optimizer step. */
    public void update() {
        if (decay == 0) {
            return;
        }
        float weight = 1 - decayAt(decay, ++updates);
        for (int i = 0; i < live.size(); i++) {
            try (NDArray detached = live.get(i).stopGradient(); NDArray delta = detached.sub(average.get(i))) {
                average.get(i).addi(delta.muli(weight));
            }
        }
    }

    /** Runs {@code action} with the averaged weights in the block, then puts the trained weights back. */
    public <T> T evaluate(Supplier<T> action) {
        if (decay == 0) {
            return action.get();
        }
        for (int i = 0; i < live.size(); i++) {
            live.get(i).copyTo(stash.get(i));
            average.get(i).copyTo(live.get(i));
        }
        try {
            return action.get();
        } finally {
            for (int i = 0; i < live.size(); i++) {
                stash.get(i).copyTo(live.get(i));
            }
        }
    }

    private static NDArray copy(NDArray array, NDManager manager) {
        NDArray copy = manager.create(array.getShape(), array.getDataType());
        array.copyTo(copy);
        return copy;
    }
}

package dev.elec.model.net;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import dev.elec.model.feature.FeatureSpec;

/**
 * Builds vanilla and gain networks. The block's forward takes {@code NDList(ids int32 [B,
 * numSlots])} (+ {@code dense float32 [B, denseInputDim]} for the gain network) and returns {@code
 * NDList(logit [B], hidden [B, H])}, H being the last MLP width: the same for the vanilla and the
 * gain network of one config, so their hidden representations can be distilled directly.
 */
public final class CtrNetworks {
    private CtrNetworks() {}

    /** An uninitialized block: call {@link #initialize} (or DJL's Trainer#initialize with {@link #inputShapes}). */
    public static Block build(NetworkConfig cfg, FeatureSpec spec) {
        Block block = new CtrNetwork(cfg, spec.numSlots(), spec.vocabularySize());
        // dense layers get Xavier; the embedding tables keep their own N(0, 0.01)
        block.setInitializer(new XavierInitializer(), p -> p.getType() == Parameter.Type.WEIGHT && p.getInitializer() == null);
        return block;
    }

    /** Input shapes for {@code batch} rows: ids, plus the dense input for a gain network. */
    public static Shape[] inputShapes(NetworkConfig cfg, FeatureSpec spec, long batch) {
        Shape ids = new Shape(batch, spec.numSlots());
        return cfg.denseInputDim() > 0 ? new Shape[] {ids, new Shape(batch, cfg.denseInputDim())} : new Shape[] {ids};
    }

    /** Initializes the parameters (float32) on {@code manager}, which then owns them. */
    public static void initialize(Block block, NetworkConfig cfg, FeatureSpec spec, NDManager manager) {
        block.initialize(manager, DataType.FLOAT32, inputShapes(cfg, spec, 1));
    }

    /** Built and initialized. */
    public static Block create(NetworkConfig cfg, FeatureSpec spec, NDManager manager) {
        Block block = build(cfg, spec);
        initialize(block, cfg, spec, manager);
        return block;
    }
}

package dev.elec.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** DCN-V2 cross layers: {@code x_{l+1} = x_0 * (W_l x_l + b_l) + x_l}, output width = input width. */
final class CrossNetwork extends AbstractBlock {
    private final Linear[] layers;

    CrossNetwork(int numLayers, int width) {
        layers = new Linear[numLayers];
        for (int i = 0; i < numLayers; i++) {
            layers[i] = addChildBlock("cross" + i, Linear.builder().setUnits(width).build());
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x0 = inputs.singletonOrThrow();
        NDArray x = x0;
        for (Linear layer : layers) {
            NDArray wx = layer.forward(parameterStore, new NDList(x), training).singletonOrThrow();
            x = x0.mul(wx).add(x);
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block layer : layers) {
            layer.initialize(manager, dataType, inputShapes[0]);
        }
    }
}

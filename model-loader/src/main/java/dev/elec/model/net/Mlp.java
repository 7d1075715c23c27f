package dev.elec.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Linear + ReLU layers with dropout while training; inference skips the dropout op entirely. */
final class Mlp extends AbstractBlock {
    private final Linear[] layers;
    private final float dropout;

    Mlp(int[] units, float dropout) {
        this.dropout = dropout;
        layers = new Linear[units.length];
        for (int i = 0; i < units.length; i++) {
            layers[i] = addChildBlock("dense" + i, Linear.builder().setUnits(units[i]).build());
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (Linear layer : layers) {
            x = Activation.relu(layer.forward(parameterStore, new NDList(x), training).singletonOrThrow());
            if (training && dropout > 0) {
                x = Dropout.dropout(x, dropout, true).singletonOrThrow();
            }
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape shape = inputShapes[0];
        for (Linear layer : layers) {
            shape = layer.getOutputShapes(new Shape[] {shape})[0];
        }
        return new Shape[] {shape};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (Linear layer : layers) {
            layer.initialize(manager, dataType, shape);
            shape = layer.getOutputShapes(new Shape[] {shape})[0];
        }
    }
}

package dev.elec.trainer.llm;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Stage 1 on top of the frozen LLM: a transformation MLP (its output is the sample's representation vector) and a
 * prediction layer. Forward: {@code NDList(llmVector [B, D])} -> {@code NDList(logit [B], representation [B, R])}.
 */
public final class HeadBlock extends AbstractBlock {
    private final SequentialBlock transform;
    private final Linear predict;
    private final int representationDim;

    public HeadBlock(int hiddenUnits, int representationDim, float dropout) {
        this.representationDim = representationDim;
        this.transform = addChildBlock("transform", new SequentialBlock()
                .add(Linear.builder().setUnits(hiddenUnits).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(dropout).build())
                .add(Linear.builder().setUnits(representationDim).build())
                .add(Activation::relu));
        this.predict = addChildBlock("predict", Linear.builder().setUnits(1).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList representation = transform.forward(store, new NDList(inputs.head()), training, params);
        NDList logit = predict.forward(store, representation, training, params);
        return new NDList(logit.head().reshape(-1), representation.head());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[]{new Shape(batch), new Shape(batch, representationDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        transform.initialize(manager, dataType, inputShapes[0]);
        predict.initialize(manager, dataType, new Shape(inputShapes[0].get(0), representationDim));
    }
}

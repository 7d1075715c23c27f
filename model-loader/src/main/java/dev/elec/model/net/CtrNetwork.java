package dev.elec.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * Field embeddings (one table, global ids) -> backbone -> hidden representation H -> logit.
 * Input: {@code ids int32 [B, slots]} (+ {@code dense float32 [B, denseInputDim]}); output:
 * {@code logit [B], hidden [B, H]}.
 */
final class CtrNetwork extends AbstractBlock {
    private static final float EMBEDDING_SIGMA = 0.01f;

    private final NetworkConfig config;
    private final int slots;
    private final Parameter embedding;
    private final Parameter firstOrder;
    private final CrossNetwork cross;
    private final Mlp mlp;
    private final Linear head;

    CtrNetwork(NetworkConfig config, int slots, int vocabularySize) {
        this.config = config;
        this.slots = slots;
        embedding =
                addParameter(
                        Parameter.builder()
                                .setName("embedding")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(vocabularySize, config.embeddingDim()))
                                .optInitializer(new NormalInitializer(EMBEDDING_SIGMA))
                                .build());
        boolean deepFm = config.backbone() == Backbone.DEEPFM;
        firstOrder =
                deepFm
                        ? addParameter(
                                Parameter.builder()
                                        .setName("firstOrder")
                                        .setType(Parameter.Type.WEIGHT)
                                        .optShape(new Shape(vocabularySize, 1))
                                        .optInitializer(new NormalInitializer(EMBEDDING_SIGMA))
                                        .build())
                        : null;
        cross = deepFm ? null : addChildBlock("cross", new CrossNetwork(config.crossLayers(), interactionWidth()));
        mlp = addChildBlock("mlp", new Mlp(config.mlpUnits(), config.dropout()));
        head = addChildBlock("head", Linear.builder().setUnits(1).build());
    }

    /** Width of the flattened field embeddings plus the dense input. */
    private int interactionWidth() {
        return slots * config.embeddingDim() + config.denseInputDim();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        expectInputs(inputs, ids);
        NDArray table = store.getValue(embedding, ids.getDevice(), training);
        NDArray fields = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow(); // [B, F, D]
        long batch = ids.getShape().get(0);
        NDArray x = fields.reshape(batch, (long) slots * config.embeddingDim());
        if (config.denseInputDim() > 0) {
            x = x.concat(inputs.get(1), 1);
        }
        if (cross != null) {
            x = cross.forward(store, new NDList(x), training).singletonOrThrow();
        }
        NDArray hidden = mlp.forward(store, new NDList(x), training).singletonOrThrow();
        NDArray logit = head.forward(store, new NDList(hidden), training).singletonOrThrow().reshape(batch);
        if (firstOrder != null) {
            logit = logit.add(fmTerm(fields)).add(firstOrderTerm(store, ids, training));
        }
        return new NDList(logit, hidden);
    }

    /** FM second order: 0.5 * sum_d((sum_f e)^2 - sum_f e^2), per row. */
    private static NDArray fmTerm(NDArray fields) {
        NDArray sumSquared = fields.sum(new int[] {1}).square();
        NDArray squaredSum = fields.square().sum(new int[] {1});
        return sumSquared.sub(squaredSum).sum(new int[] {1}).mul(0.5f);
    }

    private NDArray firstOrderTerm(ParameterStore store, NDArray ids, boolean training) {
        NDArray weights = store.getValue(firstOrder, ids.getDevice(), training);
        return Embedding.embedding(ids, weights, SparseFormat.DENSE).singletonOrThrow().sum(new int[] {1, 2});
    }

    private void expectInputs(NDList inputs, NDArray ids) {
        int expected = config.denseInputDim() > 0 ? 2 : 1;
        if (inputs.size() != expected || ids.getShape().dimension() != 2 || ids.getShape().get(1) != slots) {
            throw new IllegalArgumentException(
                    "network expects " + (expected == 2 ? "(ids [B," + slots + "], dense [B," + config.denseInputDim() + "])"
                            : "(ids [B," + slots + "])") + " but got " + inputs.getShapes().length + " arrays "
                            + Arrays.toString(inputs.getShapes()));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch), new Shape(batch, config.hiddenSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        Shape interaction = new Shape(batch, interactionWidth());
        if (cross != null) {
            cross.initialize(manager, dataType, interaction);
        }
        mlp.initialize(manager, dataType, interaction);
        head.initialize(manager, dataType, new Shape(batch, config.hiddenSize()));
    }

    @Override
    public String toString() {
        return "CtrNetwork[" + config + ", slots " + slots + "]";
    }
}

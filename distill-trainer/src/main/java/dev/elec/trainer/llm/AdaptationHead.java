package dev.elec.trainer.llm;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.elec.trainer.data.TrainingData;
import dev.elec.trainer.eval.Metrics;
import dev.elec.trainer.fit.BatchOrder;
import dev.elec.trainer.fit.CurvePoint;
import dev.elec.trainer.fit.EarlyStopping;
import dev.elec.trainer.fit.Hyper;
import dev.elec.trainer.fit.Losses;
import dev.elec.trainer.fit.ParameterSnapshot;
import dev.elec.trainer.text.TextVectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Stage 1: trains the transformation and prediction layers on frozen LLM vectors with BCE, early-stopped on validation AUC. */
public final class AdaptationHead {
    private static final int TRAIN_AUC_ROWS = 20_000;

    private final int hiddenUnits;
    private final int representationDim;
    private final float dropout;
    private final Hyper hyper;
    private final Device device;

    public AdaptationHead(int hiddenUnits, int representationDim, float dropout, Hyper hyper, Device device) {
        this.hiddenUnits = hiddenUnits;
        this.representationDim = representationDim;
        this.dropout = dropout;
        this.hyper = hyper;
        this.device = device;
    }

    public HeadResult train(TrainingData data, TextVectors vectors, long seed) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        HeadBlock block = new HeadBlock(hiddenUnits, representationDim, dropout);
        try (Model model = Model.newInstance("llm-head", device, "PyTorch")) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optDevices(new Device[]{device})
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(hyper.learningRate())).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(hyper.batchSize(), vectors.dimension()));
                List<CurvePoint> curve = new ArrayList<>();
                ParameterSnapshot best = fit(trainer, data, vectors, seed, curve);
                best.restoreInto(block, model.getNDManager());
                float[] all = new float[data.rows() * representationDim];
                float[] logits = new float[data.rows()];
                forward(trainer, vectors, BatchOrder.inOrder(data.rows(), 4096), logits, all);
                int[] test = data.test();
                float[] testLogits = Arrays.copyOfRange(logits, test[0], test[0] + test.length);
                int[] train = data.train();
                int[] trainSample = Arrays.copyOfRange(train, Math.max(0, train.length - TRAIN_AUC_ROWS), train.length);
                double trainAuc = Metrics.auc(pick(logits, trainSample), data.gatherLabels(trainSample));
                double validationAuc = Metrics.auc(pick(logits, data.validation()), data.gatherLabels(data.validation()));
                return new HeadResult(all, representationDim, testLogits, curve, trainAuc, validationAuc);
            }
        }
    }

    private ParameterSnapshot fit(Trainer trainer, TrainingData data, TextVectors vectors, long seed,
                                  List<CurvePoint> curve) {
        int[] train = data.train();
        int[] validation = data.validation();
        float[] validationLabels = data.gatherLabels(validation);
        BatchOrder order = new BatchOrder(train.length, hyper.batchSize(), seed);
        EarlyStopping stopping = new EarlyStopping(hyper.patience());
        ParameterSnapshot best = ParameterSnapshot.of(trainer.getModel().getBlock());
        NDManager root = trainer.getManager();
        for (int epoch = 0; epoch < hyper.maxEpochs() && !stopping.exhausted(); epoch++) {
            List<int[]> batches = order.nextEpoch();
            for (int step = 0; step < batches.size() && !stopping.exhausted(); step++) {
                int[] rows = remap(batches.get(step), train);
                try (NDManager batch = root.newSubManager()) {
                    NDArray x = batch.create(vectors.gather(rows), new Shape(rows.length, vectors.dimension()));
                    NDArray y = batch.create(data.gatherLabels(rows));
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray logit = trainer.forward(new NDList(x)).head();
                        collector.backward(Losses.bceWithLogits(logit, y));
                    }
                    trainer.step();
                }
                if (BatchOrder.validateAfter(step, batches.size(), hyper.validationsPerEpoch())) {
                    float[] logits = new float[data.rows()];
                    forwardRows(trainer, vectors, validation, logits);
                    double auc = Metrics.auc(pick(logits, validation), validationLabels);
                    curve.add(new CurvePoint(epoch + (step + 1.0) / batches.size(), auc));
                    if (stopping.record(auc)) {
                        best = ParameterSnapshot.of(trainer.getModel().getBlock());
                    }
                }
            }
        }
        return best;
    }

    private static int[] remap(int[] positions, int[] rows) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[positions[i]];
        }
        return out;
    }

    private static float[] pick(float[] values, int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private void forwardRows(Trainer trainer, TextVectors vectors, int[] rows, float[] logits) {
        for (int[] positions : BatchOrder.inOrder(rows.length, 4096)) {
            int[] batchRows = remap(positions, rows);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray x = batch.create(vectors.gather(batchRows), new Shape(batchRows.length, vectors.dimension()));
                float[] out = trainer.evaluate(new NDList(x)).head().toFloatArray();
                for (int i = 0; i < batchRows.length; i++) {
                    logits[batchRows[i]] = out[i];
                }
            }
        }
    }

    private void forward(Trainer trainer, TextVectors vectors, List<int[]> batches, float[] logits,
                         float[] representations) {
        for (int[] rows : batches) {
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray x = batch.create(vectors.gather(rows), new Shape(rows.length, vectors.dimension()));
                NDList out = trainer.evaluate(new NDList(x));
                float[] logit = out.get(0).toFloatArray();
                float[] repr = out.get(1).toFloatArray();
                for (int i = 0; i < rows.length; i++) {
                    logits[rows[i]] = logit[i];
                    System.arraycopy(repr, i * representationDim, representations, rows[i] * representationDim,
                            representationDim);
                }
            }
        }
    }
}

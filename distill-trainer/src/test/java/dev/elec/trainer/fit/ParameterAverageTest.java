package dev.elec.trainer.fit;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParameterAverageTest {

    @Test
    void decayWarmsUpThenStaysAtTheConfiguredValue() {
        assertEquals(2f / 11f, ParameterAverage.decayAt(0.99f, 1), 1e-6);
        assertEquals(11f / 20f, ParameterAverage.decayAt(0.99f, 10), 1e-6);
        assertEquals(0.99f, ParameterAverage.decayAt(0.99f, 10_000), 1e-6);
    }

    @Test
    void rejectsDecayOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new ParameterAverage(Linear.builder().setUnits(1)
                .build(), 1f, null));
    }

    @Test
    void averagesAfterOptimizerStepsAndSwapsTheAverageInOnlyWhileEvaluating() {
        try (Model model = Model.newInstance("ema", "PyTorch")) {
            model.setBlock(Linear.builder().setUnits(1).optBias(false).build());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(4, 2));
                NDManager manager = trainer.getManager();
                NDArray weight = model.getBlock().getParameters().get(0).getValue().getArray();
                float decay = 0.5f;
                ParameterAverage average = new ParameterAverage(model.getBlock(), decay, manager);
                float[] expected = weight.toFloatArray();
                for (int step = 1; step <= 3; step++) {
                    sgdStep(trainer, manager);
                    average.update();
                    float[] now = weight.toFloatArray();
                    float d = ParameterAverage.decayAt(decay, step);
                    for (int i = 0; i < expected.length; i++) {
                        expected[i] = d * expected[i] + (1 - d) * now[i];
                    }
                }
                float[] trained = weight.toFloatArray();
                float[] seen = average.evaluate(weight::toFloatArray);
                assertArrayEquals(expected, seen, 1e-6f);
                assertArrayEquals(trained, weight.toFloatArray(), 0f);
                sgdStep(trainer, manager);
            }
        }
    }

    @Test
    void zeroDecayLeavesTheWeightsAlone() {
        try (Model model = Model.newInstance("ema-off", "PyTorch")) {
            model.setBlock(Linear.builder().setUnits(1).build());
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
                trainer.initialize(new Shape(4, 2));
                NDArray weight = model.getBlock().getParameters().get(0).getValue().getArray();
                ParameterAverage off = new ParameterAverage(model.getBlock(), 0, trainer.getManager());
                float[] before = weight.toFloatArray();
                off.update();
                assertArrayEquals(before, off.evaluate(weight::toFloatArray), 0f);
            }
        }
    }

    private static void sgdStep(Trainer trainer, NDManager manager) {
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(new float[]{1, 2, 3, 4, -1, 0, 2, 1}, new Shape(4, 2));
            NDArray y = batch.create(new float[]{1, 0, 1, 0}, new Shape(4, 1));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray out = trainer.forward(new NDList(x)).singletonOrThrow();
                collector.backward(out.sub(y).square().mean());
            }
            trainer.step();
        }
    }
}

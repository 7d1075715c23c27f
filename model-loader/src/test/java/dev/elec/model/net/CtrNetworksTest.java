package dev.elec.model.net;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.elec.model.feature.FeatureSpec;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CtrNetworksTest {
    private static final FeatureSpec SPEC = FeatureSpec.defaults();

    static int[] randomIds(int rows, long seed) {
        Random random = new Random(seed);
        int[] ids = new int[rows * SPEC.numSlots()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(SPEC.vocabularySize());
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void forwardShapesForVanillaAndGain(Backbone backbone) {
        NetworkConfig vanilla = new NetworkConfig(backbone, 8, new int[] {32, 16}, 2, 0.1f, 0);
        NetworkConfig gain = vanilla.withDenseInput(24);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block v = CtrNetworks.create(vanilla, SPEC, manager);
            Block g = CtrNetworks.create(gain, SPEC, manager);
            NDArray ids = manager.create(randomIds(5, 1), new Shape(5, SPEC.numSlots()));
            NDArray dense = manager.randomNormal(new Shape(5, 24));
            ParameterStore store = new ParameterStore(manager, false);
            NDList out = v.forward(store, new NDList(ids), false);
            NDList gainOut = g.forward(store, new NDList(ids, dense), false);
            for (NDList o : new NDList[] {out, gainOut}) {
                assertEquals(new Shape(5), o.get(0).getShape());
                assertEquals(new Shape(5, 16), o.get(1).getShape());
            }
            assertArrayEquals(new Shape[] {new Shape(7), new Shape(7, 16)},
                    v.getOutputShapes(CtrNetworks.inputShapes(vanilla, SPEC, 7)));
            assertThrows(IllegalArgumentException.class, () -> g.forward(store, new NDList(ids), false));
        }
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void trainsWithDjlTrainer(Backbone backbone) {
        NetworkConfig cfg = new NetworkConfig(backbone, 8, new int[] {32, 16}, 1, 0f, 4);
        int rows = 64;
        try (Model model = Model.newInstance("gain-" + backbone)) {
            model.setBlock(CtrNetworks.build(cfg, SPEC));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                            .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(CtrNetworks.inputShapes(cfg, SPEC, rows));
                NDManager m = trainer.getManager();
                int[] idValues = randomIds(rows, 7);
                NDArray ids = m.create(idValues, new Shape(rows, SPEC.numSlots()));
                NDArray dense = m.randomNormal(new Shape(rows, 4));
                float[] labelValues = new float[rows];
                for (int r = 0; r < rows; r++) {
                    labelValues[r] = idValues[r * SPEC.numSlots()] % 2;
                }
                NDArray labels = m.create(labelValues);
                float first = 0;
                float last = 0;
                for (int step = 0; step < 40; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(new NDList(ids, dense));
                        NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(out.get(0)));
                        collector.backward(loss);
                        last = loss.getFloat();
                        if (step == 0) {
                            first = last;
                        }
                    }
                    trainer.step();
                }
                assertTrue(last < first * 0.5, "loss " + first + " -> " + last);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backbone.class)
    void parametersRoundTrip(Backbone backbone, @TempDir Path dir) throws Exception {
        NetworkConfig cfg = new NetworkConfig(backbone, 8, new int[] {32, 16}, 2, 0.1f, 0);
        Path file = dir.resolve("vanilla.params");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block original = CtrNetworks.create(cfg, SPEC, manager);
            NetworkParams.save(original, file);
            Block loaded = CtrNetworks.build(cfg, SPEC);
            NetworkParams.load(loaded, manager, file);
            NDArray ids = manager.create(randomIds(3, 3), new Shape(3, SPEC.numSlots()));
            ParameterStore store = new ParameterStore(manager, false);
            float[] a = original.forward(store, new NDList(ids), false).get(0).toFloatArray();
            float[] b = loaded.forward(store, new NDList(ids), false).get(0).toFloatArray();
            assertArrayEquals(a, b, 0f);
        }
    }
}

package dev.elec.model.scoring;

import static dev.elec.model.testing.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.elec.model.bundle.BundleContents;
import dev.elec.model.bundle.LoadedModel;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.Backbone;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.net.NetworkConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BatchedScorerTest {
    @Test
    @Tag("slow") // 100k forwards: ~15 s on an idle 2-core machine
    void noNativeGrowthOver100kBatches() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CtrNetworks.create(SMALL_NET, SMALL_SPEC, manager);
            int slots = SMALL_SPEC.numSlots();
            int[][] batches = {randomIds(SMALL_SPEC, 1, 1), randomIds(SMALL_SPEC, 3, 2), randomIds(SMALL_SPEC, 8, 3)};
            try (BatchedScorer scorer = new BatchedScorer("v", block, manager, slots)) {
                scorer.score(batches[2], 8);
                int before = NativeResources.attachedTo(manager);
                for (int i = 0; i < 100_000; i++) {
                    int[] batch = batches[i % 3];
                    scorer.score(batch, batch.length / slots);
                }
                assertEquals(before, NativeResources.attachedTo(manager), "arrays attached to the model manager");
            }
            // the counter is a real signal: a forward straight on the model manager leaves its outputs there
            int before = NativeResources.attachedTo(manager);
            NDArray ids = manager.create(batches[2], new Shape(8, slots));
            block.forward(new ParameterStore(manager, false), new NDList(ids), false);
            assertTrue(NativeResources.attachedTo(manager) > before + 3);
        }
    }

    @Test
    void scoresAreProbabilitiesPerRowAndIgnoreTrailingIds() {
        try (NDManager manager = NDManager.newBaseManager();
                BatchedScorer scorer = new BatchedScorer("v", CtrNetworks.create(SMALL_NET, SMALL_SPEC, manager), manager,
                        SMALL_SPEC.numSlots())) {
            int slots = SMALL_SPEC.numSlots();
            int[] ids = randomIds(SMALL_SPEC, 5, 9);
            float[] all = scorer.score(ids, 5);
            for (int r = 0; r < 5; r++) {
                assertTrue(all[r] > 0 && all[r] < 1);
                int[] row = Arrays.copyOfRange(ids, r * slots, (r + 1) * slots);
                assertEquals(all[r], scorer.score(row, 1)[0], 1e-6f, "row " + r + " alone");
            }
            assertArrayEquals(Arrays.copyOf(all, 2), scorer.score(ids, 2), 1e-6f);
            assertThrows(IllegalArgumentException.class, () -> scorer.score(new int[slots], 2));
            assertEquals(0, scorer.score(new int[0], 0).length);
        }
    }

    /** The serving path (bundle -> scorer) equals the trainer's forward of the same network within 1e-6. */
    @ParameterizedTest
    @EnumSource(Backbone.class)
    void parityWithTrainerForward(Backbone backbone, @TempDir Path dir) {
        FeatureSpec spec = FeatureSpec.defaults();
        NetworkConfig config = new NetworkConfig(backbone, 16, new int[] {64, 32}, 2, 0.2f, 0);
        int rows = 32;
        int[] ids = randomIds(spec, rows, 5);
        float[] trainerScores;
        try (Model model = Model.newInstance("vanilla")) {
            model.setBlock(CtrNetworks.build(config, spec));
            DefaultTrainingConfig training =
                    new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                            .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(training)) {
                trainer.initialize(CtrNetworks.inputShapes(config, spec, rows));
                NDManager m = trainer.getManager();
                NDArray x = m.create(ids, new Shape(rows, spec.numSlots()));
                NDArray y = m.randomInteger(0, 2, new Shape(rows), DataType.INT32).toType(DataType.FLOAT32, false);
                for (int step = 0; step < 3; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(trainer.forward(new NDList(x)).get(0)));
                        collector.backward(loss);
                    }
                    trainer.step();
                }
                trainerScores = Activation.sigmoid(trainer.evaluate(new NDList(x)).get(0)).toFloatArray();
                try (BatchedScorer sameBlock = new BatchedScorer("t", model.getBlock(), m, spec.numSlots())) {
                    assertArrayEquals(trainerScores, sameBlock.score(ids, rows), 1e-6f);
                }
                ModelBundle.write(dir, new BundleContents(spec, config, model.getBlock(), Map.of()));
            }
        }
        try (LoadedModel loaded = ModelBundle.load(dir, spec); Scorer scorer = loaded.newScorer()) {
            assertArrayEquals(trainerScores, scorer.score(ids, rows), 1e-6f);
        }
    }

    @Test
    void priorScorer() {
        PriorScorer prior = PriorScorer.fromCounts(99, 1980);
        assertEquals("prior", prior.modelVersion());
        assertEquals(0.05f, prior.ctr(), 1e-6f);
        assertArrayEquals(new float[] {0.05f, 0.05f}, prior.score(new int[0], 2), 1e-6f);
        assertEquals(0.05f, PriorScorer.defaults().ctr(), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> PriorScorer.fromCounts(3, 2));
    }
}

package dev.elec.trainer.eval;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.net.NetworkConfig;
import dev.elec.trainer.llm.HeadBlock;
import dev.elec.trainer.text.CachedTextEncoder;

import java.util.List;

/**
 * Serving cost per 1,000 samples: the vanilla network on ids alone, versus the LLM encode (no cache: every text
 * new) + Stage 1's transformation + the gain network. Batches of 256 as the streaming scorer uses; weights do not
 * change the cost, so freshly initialised networks of the trained shapes are timed.
 */
public final class LatencyProbe {
    private static final int ROWS = 1000;
    private static final int BATCH = 256;
    private static final int REPEATS = 5;
    private static final int ENCODE_ROWS = 64;

    private LatencyProbe() {
    }

    public record Latency(double vanillaMs, double gainWithLlmMs) {
    }

    public static Latency measure(FeatureSpec spec, NetworkConfig vanilla, int headHidden, int headDim,
                                  int[] ids, List<List<String>> rowTexts, CachedTextEncoder encoder, Device device) {
        int slots = spec.numSlots();
        int available = ids.length / slots;
        int[] rows = new int[ROWS * slots];
        for (int r = 0; r < ROWS; r++) {
            System.arraycopy(ids, (r % available) * slots, rows, r * slots, slots);
        }
        NetworkConfig gain = vanilla.withDenseInput(headDim);
        int textDim = encoder.dimension() * rowTexts.size();
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            Block vanillaBlock = CtrNetworks.create(vanilla, spec, manager);
            Block gainBlock = CtrNetworks.create(gain, spec, manager);
            HeadBlock head = new HeadBlock(headHidden, headDim, 0f);
            head.initialize(manager, DataType.FLOAT32, new Shape(1, textDim));
            ParameterStore store = new ParameterStore(manager, false);
            double vanillaMs = time(() -> forward(manager, store, vanillaBlock, null, rows, slots, 0));
            double encodeMs = encodeMsPer1k(rowTexts, encoder);
            double gainMs = time(() -> forward(manager, store, gainBlock, head, rows, slots, textDim));
            return new Latency(vanillaMs, encodeMs + gainMs);
        }
    }

    private static double encodeMsPer1k(List<List<String>> rowTexts, CachedTextEncoder encoder) {
        encoder.encodeUncached(List.of("warm up the session"));
        int n = Math.min(ENCODE_ROWS, rowTexts.get(0).size());
        long start = System.nanoTime();
        for (List<String> part : rowTexts) {
            List<String> texts = part.subList(0, n).stream().map(t -> t.isEmpty() ? "." : t).toList();
            encoder.encodeUncached(texts);
        }
        return (System.nanoTime() - start) / 1e6 * ROWS / n;
    }

    private static double time(Runnable run) {
        run.run();
        long start = System.nanoTime();
        for (int i = 0; i < REPEATS; i++) {
            run.run();
        }
        return (System.nanoTime() - start) / 1e6 / REPEATS;
    }

    private static void forward(NDManager manager, ParameterStore store, Block network, HeadBlock head, int[] ids,
                                int slots, int textDim) {
        for (int start = 0; start < ROWS; start += BATCH) {
            int n = Math.min(BATCH, ROWS - start);
            int[] batch = new int[n * slots];
            System.arraycopy(ids, start * slots, batch, 0, batch.length);
            try (NDManager sub = manager.newSubManager()) {
                NDList inputs = new NDList(sub.create(batch, new Shape(n, slots)));
                if (head != null) {
                    NDArray text = sub.zeros(new Shape(n, textDim));
                    inputs.add(head.forward(store, new NDList(text), false).get(1));
                }
                network.forward(store, inputs, false).head().toFloatArray();
            }
        }
    }
}

package dev.elec.model.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Scores a batch of encoded rows with one forward pass of a vanilla network (DJL, no Predictor).
 *
 * <p>Each call runs under its own sub-manager of the model manager, closed before returning, so
 * native memory does not grow with the number of calls. The ids are copied into a reused direct
 * buffer (no per-call allocation besides the result array).
 *
 * <p><b>Not thread-safe</b>: use one scorer per thread (e.g. one per Flink subtask). Scorers created
 * by {@code LoadedModel#newScorer()} each own a copy of the network. PyTorch's intra-op and
 * inter-op thread counts are process-wide and read once when the engine starts, from the system
 * properties {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads}. For
 * serving, 1 and 1 with one scorer per task slot is the measured best on a shared 2-core machine:
 * several OpenMP threads per forward spin against the other slots' threads.
 */
public final class BatchedScorer implements Scorer {
    private final String modelVersion;
    private final Block block;
    private final NDManager manager;
    private final boolean ownsManager;
    private final int numSlots;
    private final ParameterStore store;
    private ByteBuffer idBuffer = ByteBuffer.allocateDirect(0);
    private boolean closed;

    /**
     * A scorer over an initialized network whose parameters live in {@code manager}. The manager
     * stays the caller's: closing the scorer does not close it.
     */
    public BatchedScorer(String modelVersion, Block block, NDManager manager, int numSlots) {
        this(modelVersion, block, manager, numSlots, false);
    }

    /** As above; when {@code ownsManager} the scorer closes the manager (and so the network) on close. */
    public BatchedScorer(String modelVersion, Block block, NDManager manager, int numSlots, boolean ownsManager) {
        this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
        this.block = Objects.requireNonNull(block, "block");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.ownsManager = ownsManager;
        this.numSlots = numSlots;
        this.store = new ParameterStore(manager, false);
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    public int numSlots() {
        return numSlots;
    }

    @Override
    public float[] score(int[] ids, int rows) {
        if (closed) {
            throw new IllegalStateException("scorer for model " + modelVersion + " is closed");
        }
        if (rows == 0) {
            return new float[0];
        }
        int size = rows * numSlots;
        if (rows < 0 || ids.length < size) {
            throw new IllegalArgumentException(
                    "need " + rows + " rows x " + numSlots + " slots, got " + ids.length + " ids");
        }
        ByteBuffer buffer = fill(ids, size);
        try (NDManager batch = manager.newSubManager()) {
            NDArray input = batch.create(buffer, new Shape(rows, numSlots), DataType.INT32);
            NDArray logit = block.forward(store, new NDList(input), false).get(0);
            return Activation.sigmoid(logit).toFloatArray();
        }
    }

    private ByteBuffer fill(int[] ids, int size) {
        int bytes = size * Integer.BYTES;
        if (idBuffer.capacity() < bytes) {
            idBuffer = ByteBuffer.allocateDirect(Math.max(bytes, idBuffer.capacity() * 2)).order(ByteOrder.nativeOrder());
        }
        idBuffer.clear();
        idBuffer.asIntBuffer().put(ids, 0, size);
        idBuffer.limit(bytes);
        return idBuffer;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (ownsManager) {
                manager.close();
            }
        }
    }
}

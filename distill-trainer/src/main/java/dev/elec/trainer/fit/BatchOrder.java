package dev.elec.trainer.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Shuffled mini-batches of row indices, reproducible from a seed. */
public final class BatchOrder {
    private final int rows;
    private final int batchSize;
    private final Random random;

    public BatchOrder(int rows, int batchSize, long seed) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    public List<int[]> nextEpoch() {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return chunks(order, batchSize);
    }

    /** Consecutive batches over {@code 0..rows-1}, for evaluation. */
    public static List<int[]> inOrder(int rows, int batchSize) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        return chunks(order, batchSize);
    }

    /** {@code order} cut into consecutive batches of {@code batchSize} (the last may be shorter). */
    public static List<int[]> chunks(int[] order, int batchSize) {
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[] batch = new int[end - start];
            System.arraycopy(order, start, batch, 0, batch.length);
            batches.add(batch);
        }
        return batches;
    }

    /** Whether to validate after 0-based {@code step} of an epoch of {@code batches} steps, {@code perEpoch} times evenly. */
    public static boolean validateAfter(int step, int batches, int perEpoch) {
        int points = Math.max(1, Math.min(perEpoch, batches));
        for (int k = 1; k <= points; k++) {
            if (step == (int) ((long) k * batches / points) - 1) {
                return true;
            }
        }
        return false;
    }
}

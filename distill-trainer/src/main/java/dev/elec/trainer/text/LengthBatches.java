package dev.elec.trainer.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Groups texts of similar length so that batches carry little padding; callers scatter results back by index. */
final class LengthBatches {
    private LengthBatches() {
    }

    static List<int[]> of(List<String> texts, int batchSize) {
        int[] order = IntStream.range(0, texts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> texts.get(i).length()))
                .mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[] batch = new int[end - start];
            System.arraycopy(order, start, batch, 0, batch.length);
            batches.add(batch);
        }
        return batches;
    }
}

package dev.elec.trainer.text;

import dev.elec.trainer.fit.BatchOrder;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Encodes texts in batches of similar length, so that batches carry little padding, and returns rows in input order. */
final class LengthBatches {
    private LengthBatches() {
    }

    static float[][] encode(List<String> texts, int batchSize, Function<List<String>, float[][]> encodeBatch) {
        float[][] out = new float[texts.size()][];
        for (int[] batch : of(texts, batchSize)) {
            float[][] vectors = encodeBatch.apply(Arrays.stream(batch).mapToObj(texts::get).toList());
            for (int i = 0; i < batch.length; i++) {
                out[batch[i]] = vectors[i];
            }
        }
        return out;
    }

    private static List<int[]> of(List<String> texts, int batchSize) {
        int[] order = IntStream.range(0, texts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> texts.get(i).length()))
                .mapToInt(Integer::intValue).toArray();
        return BatchOrder.chunks(order, batchSize);
    }
}

package dev.elec.trainer.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tiny models of src/test/python/make_tiny_models.py: hidden state {@code t % 101 + d / 10 + positionWeight * p}
 * for token t at position p in dimension d, 8 dimensions. Paired with MiniLM's tokenizer in an LLM directory.
 */
final class TinyModels {
    static final int DIM = 8;
    private static final int BUCKETS = 101;

    private TinyModels() {
    }

    /** Fills {@code dir} with the model resource (as {@code fileName}) and MiniLM's tokenizer.json. */
    static Path llmDirectory(Path dir, String resource, String fileName) throws IOException {
        try (InputStream model = TinyModels.class.getResourceAsStream(resource)) {
            Files.copy(model, dir.resolve(fileName));
        }
        Files.copy(ModelFiles.bundledMiniLm(TestDirs.modelCache()).tokenizer(), dir.resolve("tokenizer.json"));
        return dir;
    }

    /** The mean-pooled vector a text must get. */
    static float[] expectedVector(HuggingFaceTokenizer tokenizer, String text, float positionWeight) {
        long[] ids = TokenBatch.of(tokenizer, List.of(text)).inputIds()[0];
        float[] mean = new float[DIM];
        for (int position = 0; position < ids.length; position++) {
            for (int d = 0; d < DIM; d++) {
                mean[d] += (ids[position] % BUCKETS + d / 10f + positionWeight * position) / ids.length;
            }
        }
        return mean;
    }
}

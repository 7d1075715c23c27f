package dev.elec.trainer.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An ONNX model shaped like a decoder export (it also takes {@code position_ids}, and its one output is not named
 * {@code last_hidden_state}): src/test/python/make_tiny_models.py, whose hidden state for token t at position p is
 * {@code t % 101 + d / 10 + 1000 p} in dimension d; MiniLM's tokenizer.
 */
class OnnxDecoderTextEncoderTest {
    private static final int BUCKETS = 101;
    private static final int DIM = 8;

    @TempDir
    static Path llmDir;
    static OnnxTextEncoder encoder;
    static HuggingFaceTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream model = OnnxDecoderTextEncoderTest.class.getResourceAsStream("/onnx-decoder-tiny/model.onnx")) {
            Files.copy(model, llmDir.resolve("model.onnx"));
        }
        Files.copy(ModelFiles.bundledMiniLm(TestDirs.modelCache()).tokenizer(), llmDir.resolve("tokenizer.json"));
        encoder = new OnnxTextEncoder(ModelFiles.directory(llmDir, "model.onnx"));
        tokenizer = TokenBatch.tokenizer(llmDir.resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        encoder.close();
        tokenizer.close();
    }

    @Test
    void feedsPositionsAndPoolsTheOnlyOutputOverEachTextsTokens() {
        String shortText = "Occupation is student.";
        String longText = "Title is Toy Story (1995). Genres are Animation, Children's, Comedy.";
        assertEquals(DIM, encoder.dimension());
        float[][] batched = encoder.encode(List.of(longText, shortText));
        assertArrayEquals(expectedVector(longText), batched[0], 1e-2f);
        assertArrayEquals(expectedVector(shortText), batched[1], 1e-2f);
    }

    private static float[] expectedVector(String text) {
        long[] ids = TokenBatch.of(tokenizer, List.of(text)).inputIds()[0];
        float[] mean = new float[DIM];
        for (int position = 0; position < ids.length; position++) {
            for (int d = 0; d < DIM; d++) {
                mean[d] += (ids[position] % BUCKETS + d / 10f + 1000f * position) / ids.length;
            }
        }
        return mean;
    }
}

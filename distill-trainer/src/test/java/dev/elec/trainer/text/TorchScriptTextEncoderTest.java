package dev.elec.trainer.text;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The TorchScript path on DJL's PyTorch engine, with a tiny traced model (src/test/python/make_tiny_models.py)
 * whose hidden state for token t is {@code t % 101 + d / 10} in dimension d, and MiniLM's tokenizer.
 */
class TorchScriptTextEncoderTest {
    private static final int BUCKETS = 101;
    private static final int DIM = 8;

    @TempDir
    static Path llmDir;
    static TorchScriptTextEncoder encoder;
    static HuggingFaceTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream model = TorchScriptTextEncoderTest.class.getResourceAsStream("/torchscript-tiny/model.pt")) {
            Files.copy(model, llmDir.resolve("model.pt"));
        }
        Files.copy(ModelFiles.bundledMiniLm(TestDirs.modelCache()).tokenizer(), llmDir.resolve("tokenizer.json"));
        encoder = new TorchScriptTextEncoder(ModelFiles.directory(llmDir, "model.pt"), Device.cpu());
        tokenizer = TokenBatch.tokenizer(llmDir.resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        encoder.close();
        tokenizer.close();
    }

    @Test
    void meanPoolsTheModelsLastHiddenStateOverTheTextsTokens() {
        String text = "Title is Heat (1995). Genres are Action, Crime.";
        assertEquals(DIM, encoder.dimension());
        assertArrayEquals(expectedVector(text), encoder.encode(List.of(text))[0], 1e-4f);
    }

    @Test
    void paddingInABatchDoesNotChangeTheVector() {
        String shortText = "Occupation is student.";
        String longText = "Title is Toy Story (1995). Genres are Animation, Children's, Comedy. Category is Animation.";
        float[][] batched = encoder.encode(List.of(longText, shortText));
        assertArrayEquals(encoder.encode(List.of(shortText))[0], batched[1], 1e-5f);
        assertArrayEquals(expectedVector(longText), batched[0], 1e-4f);
        assertFalse(Arrays.equals(batched[0], batched[1]), "different texts give different vectors");
    }

    private static float[] expectedVector(String text) {
        long[] ids = TokenBatch.of(tokenizer, List.of(text)).inputIds()[0];
        float[] mean = new float[DIM];
        for (long id : ids) {
            for (int d = 0; d < DIM; d++) {
                mean[d] += (id % BUCKETS + d / 10f) / ids.length;
            }
        }
        return mean;
    }
}

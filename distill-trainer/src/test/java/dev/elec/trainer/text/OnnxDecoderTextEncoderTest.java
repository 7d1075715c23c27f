package dev.elec.trainer.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An ONNX model shaped like a decoder export: it also takes {@code position_ids}, and its one output is not named
 * {@code last_hidden_state} ({@link TinyModels}, position weight 1000).
 */
class OnnxDecoderTextEncoderTest {
    private static final float POSITION_WEIGHT = 1000;

    @TempDir
    static Path llmDir;
    static OnnxTextEncoder encoder;
    static HuggingFaceTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        TinyModels.llmDirectory(llmDir, "/onnx-decoder-tiny/model.onnx", "model.onnx");
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
        assertEquals(TinyModels.DIM, encoder.dimension());
        float[][] batched = encoder.encode(List.of(longText, shortText));
        assertArrayEquals(TinyModels.expectedVector(tokenizer, longText, POSITION_WEIGHT), batched[0], 1e-2f);
        assertArrayEquals(TinyModels.expectedVector(tokenizer, shortText, POSITION_WEIGHT), batched[1], 1e-2f);
    }
}

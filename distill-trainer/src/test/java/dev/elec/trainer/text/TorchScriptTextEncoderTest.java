package dev.elec.trainer.text;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The TorchScript path on DJL's PyTorch engine, with a tiny traced model ({@link TinyModels}, no position term). */
class TorchScriptTextEncoderTest {
    @TempDir
    static Path llmDir;
    static TorchScriptTextEncoder encoder;
    static HuggingFaceTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        TinyModels.llmDirectory(llmDir, "/torchscript-tiny/model.pt", "model.pt");
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
        assertEquals(TinyModels.DIM, encoder.dimension());
        assertArrayEquals(TinyModels.expectedVector(tokenizer, text, 0), encoder.encode(List.of(text))[0], 1e-4f);
    }

    @Test
    void paddingInABatchDoesNotChangeTheVector() {
        String shortText = "Occupation is student.";
        String longText = "Title is Toy Story (1995). Genres are Animation, Children's, Comedy. Category is Animation.";
        float[][] batched = encoder.encode(List.of(longText, shortText));
        assertArrayEquals(encoder.encode(List.of(shortText))[0], batched[1], 1e-5f);
        assertArrayEquals(TinyModels.expectedVector(tokenizer, longText, 0), batched[0], 1e-4f);
        assertFalse(Arrays.equals(batched[0], batched[1]), "different texts give different vectors");
    }
}

package dev.elec.trainer.text;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxTextEncoderTest {
    @TempDir
    static Path cacheDir;
    static OnnxTextEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = new OnnxTextEncoder(ModelFiles.bundledMiniLm(TestDirs.modelCache()));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void paddingDoesNotChangeTheVector() {
        String shortText = "Gender is female. Occupation is student.";
        String longText = "Title is Toy Story (1995). Genres are Animation, Children's, Comedy. Category is Animation."
                + " Gender is male. Age is 24. Occupation is technician.";
        float[] alone = encoder.encode(List.of(shortText))[0];
        float[][] batched = encoder.encode(List.of(longText, shortText));
        assertEquals(384, alone.length);
        assertArrayEquals(alone, batched[1], 1e-4f);
        assertTrue(cosine(batched[0], batched[1]) < 0.99, "different texts give different vectors");
    }

    @Test
    void meanPoolingIgnoresMaskedPositions() {
        float[] hidden = {1, 1, 3, 3, 100, 100}; // one row, three tokens, dim 2; the last token is padding
        float[][] pooled = MeanPooling.pool(hidden, new long[][]{{1, 1, 0}}, 3, 2);
        assertArrayEquals(new float[]{2, 2}, pooled[0], 1e-6f);
    }

    @Test
    void cacheServesRepeatedTexts() {
        List<String> texts = List.of("Title is Heat (1995).", "Title is Casino (1995).", "Title is Heat (1995).");
        float[][] first;
        try (CachedTextEncoder cached = new CachedTextEncoder(new Unclosable(encoder),
                new EncodingCache(cacheDir, encoder.modelId(), encoder.dimension()), false)) {
            first = cached.encode(texts, "titles");
            assertEquals(new EncodingStats(3, 2, 0, 2, cached.stats().encodeSeconds()), cached.stats());
        }
        try (CachedTextEncoder reopened = new CachedTextEncoder(new Unclosable(encoder),
                new EncodingCache(cacheDir, encoder.modelId(), encoder.dimension()), false)) {
            float[][] again = reopened.encode(texts, "titles");
            assertEquals(0, reopened.stats().encoded());
            assertEquals(2, reopened.stats().cacheHits());
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(first[i], again[i], 0f);
            }
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Shares the class's encoder with caches that close what they wrap. */
    private record Unclosable(TextEncoder delegate) implements TextEncoder {
        public String modelId() {
            return delegate.modelId();
        }

        public int dimension() {
            return delegate.dimension();
        }

        public float[][] encode(List<String> texts) {
            return delegate.encode(texts);
        }

        public void close() {
        }
    }
}

package dev.elec.trainer.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EncodingCacheTest {
    @TempDir
    Path dir;

    @Test
    void keepsVectorsPerModelAndDropsATornRecord() throws Exception {
        try (EncodingCache cache = new EncodingCache(dir, "model-a", 3)) {
            cache.put("one", new float[]{1, 2, 3});
            cache.put("two", new float[]{4, 5, 6});
        }
        Path file = dir.resolve("model-a").resolve("vectors-3.f32");
        Files.write(file, new byte[]{9, 9, 9, 9, 9}, StandardOpenOption.APPEND);

        try (EncodingCache reopened = new EncodingCache(dir, "model-a", 3)) {
            assertEquals(2, reopened.size());
            assertArrayEquals(new float[]{4, 5, 6}, reopened.get("two"));
            reopened.put("three", new float[]{7, 8, 9});
        }
        try (EncodingCache again = new EncodingCache(dir, "model-a", 3);
             EncodingCache otherModel = new EncodingCache(dir, "model-b", 3)) {
            assertArrayEquals(new float[]{7, 8, 9}, again.get("three"));
            assertNull(otherModel.get("one"), "another model never sees these vectors");
        }
    }
}

package dev.elec.trainer.text;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Encodes each distinct text once, ever: looks it up in the cache, sends only misses to the model. */
public final class CachedTextEncoder implements AutoCloseable {
    private static final int CHUNK = 256;

    private final TextEncoder encoder;
    private final EncodingCache cache;
    private final boolean showProgress;
    private EncodingStats stats = EncodingStats.none();

    public CachedTextEncoder(TextEncoder encoder, EncodingCache cache, boolean showProgress) {
        this.encoder = encoder;
        this.cache = cache;
        this.showProgress = showProgress;
    }

    public int dimension() {
        return encoder.dimension();
    }

    public String modelId() {
        return encoder.modelId();
    }

    public EncodingStats stats() {
        return stats;
    }

    /** One vector per text (shared arrays for equal texts: do not modify them). */
    public float[][] encode(List<String> texts, String what) {
        long start = System.nanoTime();
        Map<String, float[]> distinct = new LinkedHashMap<>();
        for (String text : texts) {
            distinct.putIfAbsent(text, null);
        }
        List<String> misses = new ArrayList<>();
        long hits = 0;
        for (Map.Entry<String, float[]> entry : distinct.entrySet()) {
            float[] cached = cache.get(entry.getKey());
            if (cached != null) {
                entry.setValue(cached);
                hits++;
            } else {
                misses.add(entry.getKey());
            }
        }
        encodeMisses(misses, distinct, what);
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = distinct.get(texts.get(i));
        }
        stats = stats.plus(new EncodingStats(texts.size(), distinct.size(), hits, misses.size(),
                (System.nanoTime() - start) / 1e9));
        return out;
    }

    /** Encodes without the cache: the serving cost of a text that was never seen. */
    public float[][] encodeUncached(List<String> texts) {
        return encoder.encode(texts);
    }

    private void encodeMisses(List<String> misses, Map<String, float[]> into, String what) {
        if (misses.isEmpty()) {
            return;
        }
        ProgressBar bar = showProgress ? new ProgressBarBuilder()
                .setTaskName("encode " + what)
                .setInitialMax(misses.size())
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" texts", 1)
                .showSpeed()
                .build() : null;
        try {
            for (int start = 0; start < misses.size(); start += CHUNK) {
                List<String> chunk = misses.subList(start, Math.min(misses.size(), start + CHUNK));
                float[][] vectors = encoder.encode(chunk);
                for (int i = 0; i < vectors.length; i++) {
                    cache.put(chunk.get(i), vectors[i]);
                    into.put(chunk.get(i), vectors[i]);
                }
                if (bar != null) {
                    bar.stepBy(chunk.size());
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            cache.close();
        } finally {
            encoder.close();
        }
    }
}

package dev.elec.trainer.text;

/**
 * What the LLM step cost: {@code texts} requested (rows x segments), {@code distinct} among them,
 * {@code cacheHits} distinct texts found in the cache, {@code encoded} texts sent to the model.
 */
public record EncodingStats(long texts, long distinct, long cacheHits, long encoded, double encodeSeconds) {

    public EncodingStats plus(EncodingStats other) {
        return new EncodingStats(texts + other.texts, distinct + other.distinct, cacheHits + other.cacheHits,
                encoded + other.encoded, encodeSeconds + other.encodeSeconds);
    }

    public static EncodingStats none() {
        return new EncodingStats(0, 0, 0, 0, 0);
    }
}

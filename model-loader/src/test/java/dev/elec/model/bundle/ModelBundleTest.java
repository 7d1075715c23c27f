package dev.elec.model.bundle;

import static dev.elec.model.testing.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.feature.FieldSpec;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.scoring.Scorer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    @TempDir Path dir;

    private static BundleRejectedException rejected(Path bundle, FeatureSpec expected) {
        return assertThrows(BundleRejectedException.class, () -> ModelBundle.load(bundle, expected));
    }

    @Test
    void roundTrip() throws Exception {
        Path bundle = dir.resolve("b");
        BundleManifest written;
        try (NDManager manager = NDManager.newBaseManager()) {
            Block network = CtrNetworks.create(SMALL_NET, SMALL_SPEC, manager);
            written = ModelBundle.write(bundle, new BundleContents(SMALL_SPEC, SMALL_NET, network, Map.of("auc", 0.7),
                    Map.of("evaluation.json", "{}".getBytes(StandardCharsets.UTF_8))));
        }
        assertTrue(ModelVersions.isValid(written.version()), written.version());
        assertEquals(Map.of("auc", 0.7), written.metrics());
        assertEquals(3, written.files().size());

        try (LoadedModel model = ModelBundle.load(bundle, SMALL_SPEC)) {
            assertEquals(written, model.manifest());
            assertEquals(SMALL_SPEC, model.featureSpec());
            assertEquals(SMALL_NET, model.manifest().network());
            try (Scorer a = model.newScorer(); Scorer b = model.newScorer()) {
                int[] ids = randomIds(SMALL_SPEC, 9, 1);
                float[] scores = a.score(ids, 9);
                assertEquals(9, scores.length);
                assertArrayEquals(scores, b.score(ids, 9), 0f);
                assertEquals(written.version(), a.modelVersion());
            }
        }
    }

    @Test
    void rejectsChangedFile() throws Exception {
        Path bundle = dir.resolve("b");
        writeSmallBundle(bundle);
        byte[] params = Files.readAllBytes(bundle.resolve(BundleManifest.VANILLA_PARAMS_FILE));
        params[params.length - 1] ^= 1;
        Files.write(bundle.resolve(BundleManifest.VANILLA_PARAMS_FILE), params);
        assertEquals(Check.CHECKSUM, rejected(bundle, SMALL_SPEC).check());
    }

    @Test
    void checksTheManifestFingerprintAnUpdateAnnounced() {
        Path bundle = dir.resolve("b");
        writeSmallBundle(bundle);
        String fingerprint = ModelBundle.manifestSha256(bundle.toUri());
        assertEquals(64, fingerprint.length());
        assertEquals(ModelBundle.load(bundle.toUri(), SMALL_SPEC, fingerprint).version(),
                ModelBundle.readManifest(bundle.toUri()).version());
        String other = (fingerprint.charAt(0) == '0' ? "1" : "0") + fingerprint.substring(1);
        BundleRejectedException e = assertThrows(BundleRejectedException.class,
                () -> ModelBundle.load(bundle.toUri(), SMALL_SPEC, other));
        assertEquals(Check.CHECKSUM, e.check());
        assertTrue(e.getMessage().contains(other), e.getMessage());
    }

    @Test
    void rejectsOtherFeatureSpec() {
        Path bundle = dir.resolve("b");
        writeSmallBundle(bundle);
        FeatureSpec served = new FeatureSpec("test-other", List.of(FieldSpec.hashed("user_id", 100)), List.of());
        BundleRejectedException e = rejected(bundle, served);
        assertEquals(Check.FEATURE_SPEC, e.check());
        assertTrue(e.getMessage().contains("test-other"), e.getMessage());
    }

    @Test
    void rejectsNanParameters() {
        Path bundle = dir.resolve("b");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CtrNetworks.create(SMALL_NET, SMALL_SPEC, manager);
            Parameter embedding = block.getParameters().get("embedding");
            embedding.getArray().set(manager.full(embedding.getShape(), Float.NaN).toFloatArray());
            ModelBundle.write(bundle, new BundleContents(SMALL_SPEC, SMALL_NET, block, Map.of()));
        }
        assertEquals(Check.CANARY, rejected(bundle, SMALL_SPEC).check());
    }

    @Test
    void rejectsMissingFiles() throws Exception {
        Path bundle = dir.resolve("b");
        writeSmallBundle(bundle);
        Files.delete(bundle.resolve(BundleManifest.VANILLA_PARAMS_FILE));
        assertEquals(Check.MISSING_FILE, rejected(bundle, SMALL_SPEC).check());
        Files.delete(bundle.resolve(BundleManifest.FILE));
        assertEquals(Check.MISSING_FILE, rejected(bundle, SMALL_SPEC).check());
        assertEquals(Check.MISSING_FILE, rejected(dir.resolve("nowhere"), SMALL_SPEC).check());
    }

    @Test
    void rejectsPathOutsideTheBundle() throws Exception {
        Path bundle = dir.resolve("b");
        writeSmallBundle(bundle);
        Files.writeString(dir.resolve("secret"), "x");
        Path manifest = bundle.resolve(BundleManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"files\" : {", "\"files\" : {\n    \"../secret\" : \"00\","));
        BundleRejectedException e = rejected(bundle, SMALL_SPEC);
        assertEquals(Check.PATH, e.check());
        assertTrue(e.getMessage().contains("../secret"), e.getMessage());
    }

    @Test
    void rejectsBrokenManifest() throws Exception {
        Path bundle = dir.resolve("b");
        writeSmallBundle(bundle);
        Files.writeString(bundle.resolve(BundleManifest.FILE), "{ not json");
        assertEquals(Check.MANIFEST, rejected(bundle, SMALL_SPEC).check());
    }

    @Test
    void refusesToWriteIntoNonEmptyDirectory() throws Exception {
        Files.writeString(dir.resolve("x"), "x");
        assertThrows(IllegalArgumentException.class, () -> writeSmallBundle(dir));
    }
}

package dev.elec.model.testing;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.elec.model.bundle.BundleContents;
import dev.elec.model.bundle.BundleManifest;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.feature.FieldSpec;
import dev.elec.model.net.Backbone;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.net.NetworkConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small specs, networks and bundles for fast tests. */
public final class TestModels {
    public static final FeatureSpec SMALL_SPEC =
            new FeatureSpec(
                    "test-small",
                    List.of(
                            FieldSpec.hashed("user_id", 100),
                            FieldSpec.hashed("item_id", 100),
                            FieldSpec.buckets("position", 1, 2, 5),
                            FieldSpec.multiVocab("item_genres", 2, List.of("A", "B", "C"))),
                    List.of());
    public static final NetworkConfig SMALL_NET = new NetworkConfig(Backbone.DEEPFM, 4, new int[] {8}, 1, 0.1f, 0);

    private TestModels() {}

    public static BundleManifest writeBundle(Path dir, FeatureSpec spec, NetworkConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CtrNetworks.create(config, spec, manager);
            return ModelBundle.write(dir, new BundleContents(spec, config, block, Map.of("auc", 0.71)));
        }
    }

    public static BundleManifest writeSmallBundle(Path dir) {
        return writeBundle(dir, SMALL_SPEC, SMALL_NET);
    }

    public static int[] randomIds(FeatureSpec spec, int rows, long seed) {
        Random random = new Random(seed);
        int[] ids = new int[rows * spec.numSlots()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(spec.vocabularySize());
        }
        return ids;
    }
}

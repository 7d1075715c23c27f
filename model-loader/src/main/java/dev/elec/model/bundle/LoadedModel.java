package dev.elec.model.bundle;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.net.NetworkParams;
import dev.elec.model.scoring.BatchedScorer;
import dev.elec.model.scoring.Scorer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;

/**
 * A verified bundle held in memory. Thread-safe: {@link #newScorer()} may be called from any
 * thread; each scorer owns its own copy of the network and native memory, freed when the scorer is
 * closed.
 */
public final class LoadedModel implements AutoCloseable {
    private final URI location;
    private final BundleManifest manifest;
    private final FeatureSpec featureSpec;
    private final byte[] vanillaParams;

    LoadedModel(URI location, BundleManifest manifest, FeatureSpec featureSpec, byte[] vanillaParams) {
        this.location = location;
        this.manifest = manifest;
        this.featureSpec = featureSpec;
        this.vanillaParams = vanillaParams;
    }

    public String version() {
        return manifest.version();
    }

    public URI location() {
        return location;
    }

    public BundleManifest manifest() {
        return manifest;
    }

    public FeatureSpec featureSpec() {
        return featureSpec;
    }

    /** A new single-thread scorer with its own network copy; close it to free its native memory. */
    public Scorer newScorer() {
        NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch");
        try {
            return new BatchedScorer(version(), loadNetwork(manager), manager, featureSpec.numSlots(), true);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The vanilla network with the bundle's parameters, attached to {@code manager} (e.g. to warm-start training). */
    public Block loadNetwork(NDManager manager) {
        Block block = CtrNetworks.build(manifest.network(), featureSpec);
        try {
            NetworkParams.load(block, manager, new ByteArrayInputStream(vanillaParams));
        } catch (IOException | RuntimeException e) {
            throw new BundleRejectedException(
                    Check.MANIFEST, "parameters of bundle " + version() + " do not fit its architecture " + manifest.network()
                            + ": " + e.getMessage(), e);
        }
        return block;
    }

    /** Nothing native is held here (scorers own theirs); present so callers can treat models as resources. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "LoadedModel[" + version() + " from " + location + "]";
    }
}

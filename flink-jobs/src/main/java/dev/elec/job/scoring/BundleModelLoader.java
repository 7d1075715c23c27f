package dev.elec.job.scoring;

import dev.elec.avro.ModelUpdate;
import dev.elec.model.bundle.LoadedModel;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.scoring.Scorer;
import java.net.URI;

/**
 * Loads the bundle an update points at, through {@link ModelBundle#load(URI, FeatureSpec, String)} (the
 * update's manifest sha256 when it names one, checksums, feature spec, canary); a failed check throws
 * {@code BundleRejectedException} and the update is rejected.
 */
public final class BundleModelLoader implements ModelLoader {

    private static final long serialVersionUID = 1L;

    @Override
    public Scorer load(ModelUpdate update, FeatureSpec spec) {
        LoadedModel model = ModelBundle.load(URI.create(update.getBundleUri()), spec, update.getSha256());
        if (!model.version().equals(update.getModelVersion())) {
            throw new IllegalArgumentException("bundle at " + update.getBundleUri() + " holds version " + model.version()
                    + ", the update announced " + update.getModelVersion());
        }
        return model.newScorer();
    }
}

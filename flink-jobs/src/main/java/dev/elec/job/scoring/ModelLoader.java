package dev.elec.job.scoring;

import dev.elec.avro.ModelUpdate;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.scoring.Scorer;
import java.io.Serializable;

/** Turns a published model update into a ready scorer for the job's feature spec, or throws why not. */
@FunctionalInterface
public interface ModelLoader extends Serializable {

    Scorer load(ModelUpdate update, FeatureSpec spec) throws Exception;
}

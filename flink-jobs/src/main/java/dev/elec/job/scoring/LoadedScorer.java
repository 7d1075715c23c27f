package dev.elec.job.scoring;

import dev.elec.avro.ModelUpdate;
import dev.elec.model.scoring.Scorer;

/** A scorer loaded off the hot path, with the update it came from (null for the prior). */
record LoadedScorer(ModelUpdate update, Scorer scorer) {}

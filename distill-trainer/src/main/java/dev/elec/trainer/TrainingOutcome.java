package dev.elec.trainer;

import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.NetworkConfig;
import dev.elec.trainer.data.TrainingData;
import dev.elec.trainer.distill.CompactIds;
import dev.elec.trainer.eval.Evaluation;
import dev.elec.trainer.eval.ReportJson;

/**
 * A finished training run: the evaluation, the report (not yet written), the split, and the distilled vanilla
 * network chosen for serving (the {@code vanilla_kd} of the seed with the best validation AUC), trained on
 * {@code compactIds}.
 */
public record TrainingOutcome(FeatureSpec spec, TrainingData data, Evaluation evaluation, ReportJson report,
                              CompactIds compactIds, NetworkConfig vanillaConfig, byte[] servingParameters,
                              long servingSeed) {
}

package dev.elec.trainer.fit;

/** One validation during training: fractional epoch and the validation AUC of a network. */
public record CurvePoint(double epoch, double validationAuc) {
}

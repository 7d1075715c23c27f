package dev.elec.trainer.eval;

/** One variant's test metrics under one seed, and its paired AUC difference to the same seed's baseline. */
public record SeedScore(long seed, double auc, double logLoss, double deltaAucVsBaseline, double validationAuc) {
}

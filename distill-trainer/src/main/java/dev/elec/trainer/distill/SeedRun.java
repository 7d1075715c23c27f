package dev.elec.trainer.distill;

import dev.elec.trainer.fit.CurvePoint;

import java.util.List;
import java.util.Map;

/**
 * One seed's networks at their best validation point: test logits and validation AUC by variant, curves, and the
 * parameters of each vanilla student (DJL block format) for the bundle.
 */
public record SeedRun(long seed, Map<String, float[]> testLogits, Map<String, Double> validationAuc,
                      Map<String, List<CurvePoint>> curves, Map<String, byte[]> studentParameters,
                      double trainSeconds) {
}

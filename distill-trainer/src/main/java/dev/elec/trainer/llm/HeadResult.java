package dev.elec.trainer.llm;

import dev.elec.trainer.fit.CurvePoint;

import java.util.List;

/**
 * What Stage 1 produced: the representation vector of every row (row-major [rows, dim]) from the best validation
 * point, the prediction layer's test logits, its curve, and train/validation AUC (a memorisation check).
 */
public record HeadResult(float[] representations, int representationDim, float[] testLogits,
                         List<CurvePoint> curve, double trainAuc, double validationAuc) {

    public float[] gather(int[] rows) {
        float[] out = new float[rows.length * representationDim];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(representations, rows[i] * representationDim, out, i * representationDim,
                    representationDim);
        }
        return out;
    }
}

package dev.elec.trainer.text;

/** Averages token states over the positions the attention mask marks as real tokens. */
public final class MeanPooling {
    private MeanPooling() {
    }

    /**
     * @param hidden last hidden state, row-major [batch, seqLen, dim]
     * @param mask   attention mask [batch][seqLen]; 0 marks padding
     */
    public static float[][] pool(float[] hidden, long[][] mask, int seqLen, int dim) {
        float[][] out = new float[mask.length][dim];
        for (int b = 0; b < mask.length; b++) {
            float count = 0;
            for (int t = 0; t < seqLen; t++) {
                if (mask[b][t] == 0) {
                    continue;
                }
                count++;
                int base = (b * seqLen + t) * dim;
                for (int d = 0; d < dim; d++) {
                    out[b][d] += hidden[base + d];
                }
            }
            float scale = 1f / Math.max(count, 1e-9f);
            for (int d = 0; d < dim; d++) {
                out[b][d] *= scale;
            }
        }
        return out;
    }
}

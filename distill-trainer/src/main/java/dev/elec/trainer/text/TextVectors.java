package dev.elec.trainer.text;

/**
 * Per-row LLM vectors. Each row holds one or more parts (one per segment) that are shared between rows with the
 * same text and concatenated on read.
 */
public final class TextVectors {
    private final float[][][] parts;
    private final int dimension;

    public TextVectors(float[][][] parts, int partDimension) {
        this.parts = parts;
        this.dimension = parts.length == 0 ? 0 : parts[0].length * partDimension;
    }

    public int rows() {
        return parts.length;
    }

    public int dimension() {
        return dimension;
    }

    public void copyRow(int row, float[] out, int offset) {
        int at = offset;
        for (float[] part : parts[row]) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
    }

    /** Rows {@code indices} as a row-major matrix. */
    public float[] gather(int[] indices) {
        float[] out = new float[indices.length * dimension];
        for (int i = 0; i < indices.length; i++) {
            copyRow(indices[i], out, i * dimension);
        }
        return out;
    }
}

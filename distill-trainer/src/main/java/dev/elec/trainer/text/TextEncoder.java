package dev.elec.trainer.text;

import java.util.List;

/** A frozen language model that turns texts into fixed-size vectors (mean-pooled last hidden state). */
public interface TextEncoder extends AutoCloseable {

    /** Identifies the model's weights; part of every cache key, so two models never share vectors. */
    String modelId();

    int dimension();

    /** One vector per text, in order. */
    float[][] encode(List<String> texts);

    @Override
    void close();
}

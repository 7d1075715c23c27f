package dev.elec.trainer.distill;

import java.util.List;

/** The report's variants, by their report names. */
public final class Variant {
    public static final String VANILLA_BASELINE = "vanilla_baseline";
    public static final String LLM_HEAD = "llm_head";
    public static final String GAIN = "gain";
    public static final String VANILLA_KD_SCORE = "vanilla_kd_score";
    public static final String VANILLA_KD_REPR = "vanilla_kd_repr";
    public static final String VANILLA_KD = "vanilla_kd";

    public static final List<String> ALL =
            List.of(VANILLA_BASELINE, LLM_HEAD, GAIN, VANILLA_KD_SCORE, VANILLA_KD_REPR, VANILLA_KD);

    private Variant() {
    }
}

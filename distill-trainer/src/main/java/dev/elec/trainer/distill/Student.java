package dev.elec.trainer.distill;

import java.util.List;

/** A vanilla network and the weights of its two distillation terms (both 0: the baseline, trained alone). */
public record Student(String name, float alpha, float beta) {

    /** Baseline, score-only, representation-only and full distillation, sharing one initialisation. */
    public static List<Student> ablation(float alpha, float beta) {
        return List.of(new Student(Variant.VANILLA_BASELINE, 0, 0),
                new Student(Variant.VANILLA_KD_SCORE, alpha, 0),
                new Student(Variant.VANILLA_KD_REPR, 0, beta),
                new Student(Variant.VANILLA_KD, alpha, beta));
    }

    /** An extra student of an (alpha, beta) grid, named {@code kd_a<alpha>_b<beta>}. */
    public static Student gridPoint(float alpha, float beta) {
        return new Student("kd_a" + format(alpha) + "_b" + format(beta), alpha, beta);
    }

    private static String format(float value) {
        return value == Math.rint(value) ? Integer.toString((int) value) : Float.toString(value);
    }
}

package dev.elec.trainer.gate;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Publishes a candidate only if its test AUC beats the serving model's on the same test split by more than
 * {@code minGain}; with no serving model, any candidate passes.
 */
public final class PublishGate {
    private final double minGain;

    public PublishGate(double minGain) {
        this.minGain = minGain;
    }

    public record Decision(boolean publish, double candidateAuc, OptionalDouble servingAuc, String reason) {
    }

    public Decision decide(double candidateAuc, OptionalDouble servingAuc, String servingVersion) {
        if (Double.isNaN(candidateAuc)) {
            return new Decision(false, candidateAuc, servingAuc, "the candidate's test AUC is undefined");
        }
        if (servingAuc.isEmpty()) {
            return new Decision(true, candidateAuc, servingAuc, "no serving model in the registry");
        }
        double serving = servingAuc.getAsDouble();
        boolean better = candidateAuc > serving + minGain;
        String reason = String.format(Locale.ROOT, "candidate test AUC %.4f %s serving model %s %.4f%s", candidateAuc,
                better ? "beats" : "does not beat", servingVersion, serving,
                minGain > 0 ? String.format(Locale.ROOT, " by more than %.4f", minGain) : "");
        return new Decision(better, candidateAuc, servingAuc, reason);
    }
}

package dev.elec.trainer.eval;

import java.util.Locale;

/** The evaluation as a fixed-width table for the terminal. */
public final class TerminalTable {
    private TerminalTable() {
    }

    public static String render(Evaluation evaluation) {
        StringBuilder out = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-18s %-18s %-18s %-28s %s%n", "variant", "test AUC",
                "test LogLoss", "dAUC vs baseline (min)", "seeds");
        out.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (String variant : evaluation.scores().keySet()) {
            int seeds = evaluation.scores().get(variant).size();
            if (seeds == 0) {
                continue;
            }
            Summary auc = evaluation.auc(variant);
            Summary logLoss = evaluation.logLoss(variant);
            Summary delta = evaluation.delta(variant);
            out.append(String.format(Locale.ROOT, "%-18s %.4f +- %.4f    %.4f +- %.4f    %+.4f +- %.4f (%+.4f)   %d%n",
                    variant, auc.mean(), auc.std(), logLoss.mean(), logLoss.std(), delta.mean(), delta.std(),
                    delta.min(), seeds));
        }
        return out.toString();
    }
}

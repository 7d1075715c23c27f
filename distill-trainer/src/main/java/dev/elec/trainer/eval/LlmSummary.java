package dev.elec.trainer.eval;

import dev.elec.trainer.text.EncodingStats;

/** The report's {@code llm} block: which model, which text mode, what encoding cost, how Stage 1 fit. */
public record LlmSummary(String model, String textMode, int dimension, EncodingStats stats,
                         Summary headTrainAuc, Summary headValidationAuc) {
}

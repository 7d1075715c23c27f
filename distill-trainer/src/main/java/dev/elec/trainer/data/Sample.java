package dev.elec.trainer.data;

import java.util.Map;

/** One labeled impression as the trainer needs it: event time, label, encoded ids as logged, raw values for text. */
public record Sample(String impressionId, long eventTimeMillis, int label, int[] ids, Map<String, String> values) {
}

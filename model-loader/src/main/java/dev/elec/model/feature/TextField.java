package dev.elec.model.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A raw attribute that goes into the LLM text as {@code <name> is <value>.} (multi-valued:
 * {@code <name> are A, B.}).
 *
 * @param key raw value key
 * @param name field name as written in the text
 * @param segment which text segment it belongs to
 * @param multiValued whether the raw value is a {@code |}-joined list
 * @param valueLabels optional readable labels for raw values (e.g. "F" -> "female")
 */
public record TextField(
        String key, String name, TextSegment segment, boolean multiValued, Map<String, String> valueLabels) {

    public TextField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(segment, "segment");
        valueLabels = valueLabels == null ? Map.of() : Map.copyOf(valueLabels);
    }

    public static TextField of(String key, String name, TextSegment segment) {
        return new TextField(key, name, segment, false, Map.of());
    }

    /** Appends this field's sentence for {@code raw}, or nothing when the value is missing. */
    void appendSentence(String raw, StringBuilder out) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        String sentence;
        if (multiValued) {
            List<String> labels = new ArrayList<>();
            for (String part : raw.split("\\|")) {
                if (!part.isBlank()) {
                    labels.add(label(part.trim()));
                }
            }
            if (labels.isEmpty()) {
                return;
            }
            sentence = name + " are " + String.join(", ", labels) + ".";
        } else {
            sentence = name + " is " + label(raw.trim()) + ".";
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(sentence);
    }

    private String label(String value) {
        return valueLabels.getOrDefault(value, value);
    }
}

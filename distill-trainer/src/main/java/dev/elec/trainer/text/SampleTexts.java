package dev.elec.trainer.text;

import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.feature.TextSegment;
import dev.elec.trainer.data.Sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The texts of samples, from the feature spec's text fields (minus excluded raw keys), in a text mode. */
public final class SampleTexts {
    private final FeatureSpec spec;
    private final TextMode mode;
    private final Set<String> excludedKeys;

    public SampleTexts(FeatureSpec spec, TextMode mode, Set<String> excludedKeys) {
        this.spec = spec;
        this.mode = mode;
        this.excludedKeys = Set.copyOf(excludedKeys);
    }

    public TextMode mode() {
        return mode;
    }

    /** Texts per part: one list in row mode, one per segment (USER, ITEM, CONTEXT) in segment mode. */
    public List<List<String>> texts(List<Sample> samples) {
        List<List<String>> parts = new ArrayList<>();
        if (mode == TextMode.ROW) {
            parts.add(samples.stream().map(s -> spec.text(visible(s.values()))).toList());
        } else {
            for (TextSegment segment : TextSegment.values()) {
                parts.add(samples.stream().map(s -> spec.text(visible(s.values()), segment)).toList());
            }
        }
        return parts;
    }

    /** Encodes every part of every sample through the cache; an empty text gets a zero vector. */
    public TextVectors encode(List<Sample> samples, CachedTextEncoder encoder) {
        List<List<String>> parts = texts(samples);
        float[] zero = new float[encoder.dimension()];
        float[][][] rows = new float[samples.size()][parts.size()][];
        for (int p = 0; p < parts.size(); p++) {
            List<String> texts = parts.get(p);
            List<String> nonEmpty = texts.stream().filter(t -> !t.isEmpty()).toList();
            String what = mode == TextMode.ROW ? "rows" : TextSegment.values()[p].name().toLowerCase() + " segments";
            float[][] vectors = encoder.encode(nonEmpty, what);
            int next = 0;
            for (int r = 0; r < texts.size(); r++) {
                rows[r][p] = texts.get(r).isEmpty() ? zero : vectors[next++];
            }
        }
        return new TextVectors(rows, encoder.dimension());
    }

    private Map<String, String> visible(Map<String, String> values) {
        if (excludedKeys.isEmpty()) {
            return values;
        }
        Map<String, String> out = new HashMap<>(values);
        out.keySet().removeAll(excludedKeys);
        return out;
    }
}

package dev.elec.model.net;

import java.util.Locale;

/** Collaborative backbone over the field embeddings. */
public enum Backbone {
    /** FM second-order term + first-order weights + MLP over the flattened embeddings. */
    DEEPFM,
    /** DCN-V2: full-rank cross network, then a deep MLP (stacked). */
    DCNV2;

    /** Case-insensitive, accepts "deepfm", "DCNv2", "dcn-v2". */
    public static Backbone parse(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (Backbone b : values()) {
            if (b.name().equals(normalized)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backbone '" + name + "' (expected deepfm or dcnv2)");
    }
}

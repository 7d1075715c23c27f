package dev.elec.model.feature;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One encoded field: the raw key it reads, its encoder and how many slots it fills. Local ids 0 and
 * 1 are reserved for a missing and an unknown value; categories start at 2.
 *
 * @param key raw value key (see {@link FeatureKeys})
 * @param kind encoder
 * @param slots number of slots: 1, or more for a multi-valued field (values split on {@code |})
 * @param hashBuckets bucket count for {@link FieldKind#HASH}, else 0
 * @param vocabulary known values for {@link FieldKind#VOCAB}, else empty
 * @param boundaries sorted bucket boundaries for {@link FieldKind#BUCKETS}, else empty
 */
public record FieldSpec(
        String key, FieldKind kind, int slots, int hashBuckets, List<String> vocabulary, List<Double> boundaries) {

    public static final int MISSING_ID = 0;
    public static final int UNKNOWN_ID = 1;
    private static final int RESERVED = 2;

    public FieldSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
        boundaries = boundaries == null ? List.of() : List.copyOf(boundaries);
        if (slots < 1) {
            throw new IllegalArgumentException("field " + key + ": slots must be >= 1, got " + slots);
        }
        switch (kind) {
            case HASH -> require(hashBuckets > 0, key, "hashBuckets must be > 0");
            case VOCAB -> require(!vocabulary.isEmpty(), key, "vocabulary must not be empty");
            case BUCKETS -> {
                require(!boundaries.isEmpty(), key, "boundaries must not be empty");
                for (int i = 1; i < boundaries.size(); i++) {
                    require(boundaries.get(i - 1) < boundaries.get(i), key, "boundaries must be strictly increasing");
                }
            }
        }
    }

    public static FieldSpec hashed(String key, int buckets) {
        return new FieldSpec(key, FieldKind.HASH, 1, buckets, List.of(), List.of());
    }

    public static FieldSpec vocab(String key, List<String> vocabulary) {
        return new FieldSpec(key, FieldKind.VOCAB, 1, 0, vocabulary, List.of());
    }

    public static FieldSpec multiVocab(String key, int slots, List<String> vocabulary) {
        return new FieldSpec(key, FieldKind.VOCAB, slots, 0, vocabulary, List.of());
    }

    public static FieldSpec buckets(String key, double... boundaries) {
        return new FieldSpec(key, FieldKind.BUCKETS, 1, 0, List.of(), Arrays.stream(boundaries).boxed().toList());
    }

    /** Number of distinct local ids, reserved ones included. */
    public int cardinality() {
        return RESERVED
                + switch (kind) {
                    case HASH -> hashBuckets;
                    case VOCAB -> vocabulary.size();
                    case BUCKETS -> boundaries.size() + 1;
                };
    }

    /** Encoder with precomputed lookups, local ids shifted by {@code offset}. */
    Encoder encoder(int offset) {
        return new Encoder(this, offset);
    }

    private static void require(boolean ok, String key, String message) {
        if (!ok) {
            throw new IllegalArgumentException("field " + key + ": " + message);
        }
    }

    /** Turns raw strings into global ids; never throws on values. */
    static final class Encoder {
        private final FieldSpec field;
        private final int offset;
        private final Map<String, Integer> vocabIndex = new HashMap<>();
        private final double[] bounds;

        private Encoder(FieldSpec field, int offset) {
            this.field = field;
            this.offset = offset;
            for (int i = 0; i < field.vocabulary.size(); i++) {
                vocabIndex.putIfAbsent(field.vocabulary.get(i).toLowerCase(Locale.ROOT), i);
            }
            bounds = field.boundaries.stream().mapToDouble(Double::doubleValue).toArray();
        }

        void encodeInto(String raw, int[] out, int at) {
            if (field.slots == 1) {
                out[at] = offset + localId(raw == null ? null : raw.trim());
                return;
            }
            int filled = 0;
            if (raw != null) {
                int start = 0;
                while (filled < field.slots && start <= raw.length()) {
                    int end = raw.indexOf('|', start);
                    if (end < 0) {
                        end = raw.length();
                    }
                    String part = raw.substring(start, end).trim();
                    if (!part.isEmpty()) {
                        out[at + filled++] = offset + localId(part);
                    }
                    start = end + 1;
                }
            }
            while (filled < field.slots) {
                out[at + filled++] = offset + MISSING_ID;
            }
        }

        private int localId(String value) {
            if (value == null || value.isEmpty()) {
                return MISSING_ID;
            }
            return switch (field.kind) {
                case HASH -> RESERVED + (int) Long.remainderUnsigned(fnv1a(value), field.hashBuckets);
                case VOCAB -> {
                    Integer index = vocabIndex.get(value.toLowerCase(Locale.ROOT));
                    yield index == null ? UNKNOWN_ID : RESERVED + index;
                }
                case BUCKETS -> bucket(value);
            };
        }

        private int bucket(String value) {
            double x;
            try {
                x = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return UNKNOWN_ID;
            }
            if (!Double.isFinite(x)) {
                return UNKNOWN_ID;
            }
            int lo = 0;
            int hi = bounds.length;
            while (lo < hi) { // first boundary > x
                int mid = (lo + hi) >>> 1;
                if (bounds[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return RESERVED + lo;
        }

        /** FNV-1a 64 over UTF-8: stable across JVMs and releases, unlike relying on String.hashCode. */
        private static long fnv1a(String value) {
            long h = 0xcbf29ce484222325L;
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                h ^= (b & 0xff);
                h *= 0x100000001b3L;
            }
            return h;
        }
    }
}

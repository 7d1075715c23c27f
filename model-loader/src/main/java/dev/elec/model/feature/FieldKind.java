package dev.elec.model.feature;

/** How a field turns a raw string into a local id. */
public enum FieldKind {
    /** Stable 64-bit FNV-1a hash of the value modulo {@code hashBuckets}. */
    HASH,
    /** Position in {@code vocabulary}, compared case-insensitively. */
    VOCAB,
    /** Index of the bucket among sorted {@code boundaries} a number falls into. */
    BUCKETS
}

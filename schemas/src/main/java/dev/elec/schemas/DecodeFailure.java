package dev.elec.schemas;

/** Why a message could not be decoded into a record. Stable names: dead letters carry them as reason codes. */
public enum DecodeFailure {
    /** No bytes at all (null or zero-length value). */
    EMPTY,
    /** The bytes do not start with the Avro single-object marker {@code C3 01}. */
    NOT_SINGLE_OBJECT,
    /** Single-object header present, but the writer schema fingerprint is not a known version of the expected schema. */
    UNKNOWN_SCHEMA,
    /** The message ends before the header or the record is complete. */
    TRUNCATED,
    /** Header and schema are known, but the body is not a valid encoding of the record. */
    CORRUPT
}

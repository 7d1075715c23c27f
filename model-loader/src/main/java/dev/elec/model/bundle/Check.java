package dev.elec.model.bundle;

/** The bundle check that failed. */
public enum Check {
    /** A file the manifest lists (or the manifest itself) is absent. */
    MISSING_FILE,
    /** A file's sha256 differs from the manifest's. */
    CHECKSUM,
    /** The bundle's feature spec is not the one the caller serves, or is inconsistent. */
    FEATURE_SPEC,
    /** The canary batch scored non-finite or outside [0, 1]. */
    CANARY,
    /** A path points outside the bundle or the registry. */
    PATH,
    /** The manifest is unreadable, incomplete, or does not match the parameters. */
    MANIFEST
}

package dev.elec.model.bundle;

/** The feature spec a bundle was trained with: its version, content hash and file in the bundle. */
public record FeatureSpecRef(String version, String hash, String file) {}

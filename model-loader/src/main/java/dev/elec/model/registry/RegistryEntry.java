package dev.elec.model.registry;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A published model version.
 *
 * @param version model version id
 * @param location bundle directory (load it with {@code ModelBundle.load})
 * @param createdAt when the bundle was written
 * @param metrics the manifest's metrics
 * @param current whether CURRENT points at it
 */
public record RegistryEntry(String version, URI location, Instant createdAt, Map<String, Double> metrics, boolean current) {
    public RegistryEntry {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }
}

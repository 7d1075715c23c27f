package dev.elec.job.scoring;

import dev.elec.avro.ModelUpdate;
import dev.elec.model.bundle.BundleManifest;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.registry.ModelRegistry;
import dev.elec.model.registry.RegistryEntry;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Registry entries as model updates: the current one is what a job starting without state serves first. */
public final class RegistryModels {

    private RegistryModels() {}

    /** Empty when {@code registryDir} is blank or nothing is published yet. */
    public static Optional<ModelUpdate> current(String registryDir) {
        if (registryDir == null || registryDir.isBlank()) {
            return Optional.empty();
        }
        URI root = registryDir.contains(":") ? URI.create(registryDir) : Path.of(registryDir).toAbsolutePath().toUri();
        return new ModelRegistry(root).current().map(RegistryModels::update);
    }

    /** The model update announcing {@code entry}: its version, location, manifest fingerprint, spec hash and metrics. */
    public static ModelUpdate update(RegistryEntry entry) {
        BundleManifest manifest = ModelBundle.readManifest(entry.location());
        return ModelUpdate.newBuilder()
                .setModelVersion(entry.version())
                .setBundleUri(entry.location().toString())
                .setSha256(ModelBundle.manifestSha256(entry.location()))
                .setFeatureSpecHash(manifest.featureSpec().hash())
                .setCreatedAt(entry.createdAt())
                .setMetrics(entry.metrics())
                .build();
    }
}

package dev.elec.cli;

import dev.elec.job.scoring.RegistryModels;
import dev.elec.model.registry.RegistryEntry;
import dev.elec.schemas.Topics;
import dev.elec.trainer.gate.ModelUpdateSender;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap-servers}, {@code --topic}: announce the registry's new current model to running jobs, which
 * serve only what the model-updates topic announces.
 */
final class AnnounceOption {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Announce the new current model on --topic, so that running jobs swap to it (default: announce nothing).")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Model-updates topic (default: ${DEFAULT-VALUE}).")
    String topic = Topics.MODEL_UPDATES;

    void announce(RegistryEntry entry, PrintWriter err) {
        if (bootstrapServers == null) {
            return;
        }
        ModelUpdateSender.send(bootstrapServers, topic, RegistryModels.update(entry));
        err.println("announced " + entry.version() + " on " + topic + " at " + bootstrapServers);
    }
}

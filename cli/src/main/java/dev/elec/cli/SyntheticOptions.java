package dev.elec.cli;

import dev.elec.replay.SyntheticConfig;
import picocli.CommandLine.Option;

/** Size and seed of the synthetic dataset, used when {@code --dataset synthetic}. */
final class SyntheticOptions {
    private static final SyntheticConfig DEFAULTS = SyntheticConfig.defaults();

    @Option(names = "--synthetic-users", paramLabel = "N", description = "Synthetic users (default: ${DEFAULT-VALUE}).")
    int users = DEFAULTS.users();

    @Option(names = "--synthetic-items", paramLabel = "N", description = "Synthetic items (default: ${DEFAULT-VALUE}).")
    int items = DEFAULTS.items();

    @Option(names = "--synthetic-impressions", paramLabel = "N", description = "Synthetic impressions (default: ${DEFAULT-VALUE}).")
    int impressions = DEFAULTS.impressions();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the synthetic generator (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    SyntheticConfig toConfig() {
        return new SyntheticConfig(users, items, impressions, seed);
    }
}

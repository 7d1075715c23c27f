package dev.elec.cli.demo;

import dev.elec.trainer.TrainOptions;
import dev.elec.trainer.text.TextMode;

/**
 * The trainer's settings for a retrain inside the demo: ELEC with the shipped MiniLM, sized to take a
 * minute or two on two cores (few seeds and epochs, smaller networks) rather than the nightly defaults.
 */
public record TrainingPreset(int seeds, int epochs, TextMode textMode) {

    public static TrainingPreset demo() {
        return new TrainingPreset(1, 2, TextMode.SEGMENT);
    }

    /** The options of one retrain; inputs, outputs and publishing are the caller's. */
    TrainOptions options() {
        TrainOptions options = new TrainOptions();
        options.seeds = seeds;
        options.epochs = epochs;
        options.textMode = textMode;
        options.headEpochs = 1;
        options.headHidden = 64;
        options.mlpUnits = new int[] {64, 32};
        options.validationsPerEpoch = 2;
        options.patience = 2;
        options.charts = false;
        options.progress = false;
        options.torchThreads = 1;
        return options;
    }
}

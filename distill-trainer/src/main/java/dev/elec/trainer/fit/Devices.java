package dev.elec.trainer.fit;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.elec.trainer.BadInputException;

/** Resolves {@code --device auto|cpu|gpu} against what DJL's PyTorch engine can see. */
public final class Devices {
    private Devices() {
    }

    public static Device resolve(String device) {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        return switch (device == null ? "auto" : device) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new BadInputException("--device gpu: DJL's PyTorch engine sees no GPU (a CUDA libtorch "
                            + "is needed: set PYTORCH_LIBRARY_PATH and PYTORCH_VERSION, see STACK.md)");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new BadInputException("unknown device '" + device + "' (auto, cpu or gpu)");
        };
    }
}

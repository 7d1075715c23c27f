package dev.elec.model.scoring;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.util.Map;

/** Counts the native resources (arrays, sub-managers) attached to a DJL manager. */
final class NativeResources {
    private NativeResources() {}

    /** DJL keeps them in the protected map {@code BaseNDManager.resources}; debugDump only prints it. */
    static int attachedTo(NDManager manager) {
        try {
            Field field = BaseNDManager.class.getDeclaredField("resources");
            field.setAccessible(true);
            return ((Map<?, ?>) field.get(manager)).size();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DJL changed BaseNDManager#resources", e);
        }
    }
}

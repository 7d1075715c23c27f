package dev.elec.model.registry;

import java.util.List;

/**
 * Content of the registry's {@code CURRENT} file, replaced as a whole on every switch.
 *
 * @param current the served version
 * @param history versions made current, oldest first, ending with {@code current}; rollback pops it
 * @param updatedAt ISO-8601 instant of the switch
 */
record CurrentPointer(String current, List<String> history, String updatedAt) {
    CurrentPointer {
        history = history == null ? List.of() : List.copyOf(history);
    }
}

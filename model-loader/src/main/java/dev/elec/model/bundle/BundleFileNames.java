package dev.elec.model.bundle;

import java.util.regex.Pattern;

/** Bundles are flat: a file name is one plain path segment, which cannot point outside the bundle. */
final class BundleFileNames {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private BundleFileNames() {}

    static void requirePlain(String name, Object bundle) {
        if (name == null || !PLAIN.matcher(name).matches() || name.contains("..")) {
            throw new BundleRejectedException(
                    Check.PATH, "file name '" + name + "' in bundle " + bundle + " is not a plain name inside the bundle");
        }
    }
}

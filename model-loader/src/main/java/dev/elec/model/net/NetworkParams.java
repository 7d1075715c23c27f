package dev.elec.model.net;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves and loads a network's parameters (DJL's block parameter format). */
public final class NetworkParams {
    private NetworkParams() {}

    public static void save(Block block, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            save(block, out);
        }
    }

    public static void save(Block block, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        block.saveParameters(data);
        data.flush();
    }

    /** Loads into a block built with the same config and spec; the arrays are attached to {@code manager}. */
    public static void load(Block block, NDManager manager, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            load(block, manager, in);
        }
    }

    public static void load(Block block, NDManager manager, InputStream in) throws IOException {
        try {
            block.loadParameters(manager, new DataInputStream(in));
        } catch (MalformedModelException e) {
            throw new IOException("parameters do not match the network " + block + ": " + e.getMessage(), e);
        }
    }
}

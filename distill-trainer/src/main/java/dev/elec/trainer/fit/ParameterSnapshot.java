package dev.elec.trainer.fit;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** A block's parameters copied out (at the best validation), to be restored after training. */
public final class ParameterSnapshot {
    private final byte[] bytes;

    private ParameterSnapshot(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ParameterSnapshot of(Block block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            block.saveParameters(data);
        } catch (IOException e) {
            throw new IllegalStateException("cannot snapshot parameters: " + e.getMessage(), e);
        }
        return new ParameterSnapshot(out.toByteArray());
    }

    public void restoreInto(Block block, NDManager manager) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot restore parameters: " + e.getMessage(), e);
        }
    }

    public static void restore(byte[] bytes, Block block, NDManager manager) {
        new ParameterSnapshot(bytes).restoreInto(block, manager);
    }

    public byte[] bytes() {
        return bytes.clone();
    }
}

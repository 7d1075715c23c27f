package dev.elec.job.source;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A file of length-prefixed messages: the bounded stand-in for a topic partition in the backfill. */
public final class RecordFile {

    private RecordFile() {}

    public static void write(Path file, Iterable<byte[]> messages) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (byte[] m : messages) {
                out.writeInt(m.length);
                out.write(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write record file " + file, e);
        }
    }

    public static List<byte[]> read(Path file) {
        List<byte[]> messages = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return messages;
                }
                byte[] m = new byte[length];
                in.readFully(m);
                messages.add(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read record file " + file, e);
        }
    }
}

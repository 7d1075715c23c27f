package dev.elec.replay;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/** Writes and reads an event log as two Avro container files, {@value #IMPRESSIONS} and {@value #CLICKS}. */
public final class AvroEventFiles {

    public static final String IMPRESSIONS = "impressions.avro";
    public static final String CLICKS = "clicks.avro";

    private AvroEventFiles() {
    }

    /** Writes the impressions and clicks (bad lines are not written); creates {@code dir} if needed. */
    public static void write(EventLog log, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir.toAbsolutePath(), e);
        }
        writeFile(dir.resolve(IMPRESSIONS), Impression.class, Impression.getClassSchema(), log.impressions());
        writeFile(dir.resolve(CLICKS), Click.class, Click.getClassSchema(), log.clicks());
    }

    /** Reads both files of {@code dir}; the returned log has no bad lines. */
    public static EventLog read(Path dir) {
        return new EventLog(readFile(dir.resolve(IMPRESSIONS), Impression.class),
                readFile(dir.resolve(CLICKS), Click.class), List.of());
    }

    private static <T extends SpecificRecordBase> void writeFile(Path file, Class<T> type, Schema schema,
                                                                 List<T> records) {
        try (DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<>(type))) {
            writer.setCodec(CodecFactory.deflateCodec(1));
            writer.create(schema, file.toFile());
            for (T record : records) {
                writer.append(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }

    private static <T extends SpecificRecordBase> List<T> readFile(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(),
                    new FileNotFoundException(file.toString()));
        }
        List<T> records = new ArrayList<>();
        try (DataFileReader<T> reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(type))) {
            while (reader.hasNext()) {
                records.add(reader.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Avro file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (AvroRuntimeException e) {
            throw new AvroRuntimeException("corrupt Avro file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return records;
    }
}

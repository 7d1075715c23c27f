package dev.elec.trainer.data;

import dev.elec.avro.LabeledSample;
import dev.elec.trainer.BadInputException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificDatumReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads labeled-sample Avro container files from a directory tree (the backfill's {@code *.avro} files or the
 * streaming job's rolling {@code part-*} files), keeping samples whose event time lies in [from, to).
 */
public final class SampleReader {
    private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};

    private SampleReader() {
    }

    /** A batch of samples, plus the feature spec hashes they were encoded with. */
    public record Loaded(List<Sample> samples, List<String> featureSpecHashes, int files) {
    }

    public static Loaded read(Path dir, Instant from, Instant to) {
        List<Path> files = sampleFiles(dir);
        List<Sample> samples = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        DatumReader<LabeledSample> datumReader = new SpecificDatumReader<>(LabeledSample.class);
        for (Path file : files) {
            checkMagic(file);
            try (DataFileReader<LabeledSample> reader = new DataFileReader<>(file.toFile(), datumReader)) {
                LabeledSample record = null;
                while (reader.hasNext()) {
                    record = reader.next(record);
                    long time = record.getImpression().getEventTime().toEpochMilli();
                    if ((from != null && time < from.toEpochMilli()) || (to != null && time >= to.toEpochMilli())) {
                        continue;
                    }
                    String hash = record.getFeatureSpecHash();
                    if (!hashes.contains(hash)) {
                        hashes.add(hash);
                    }
                    samples.add(toSample(record));
                }
                // the reader stops quietly at a torn block; bytes left over mean the file was cut short
                if (reader.previousSync() != Files.size(file)) {
                    throw new BadInputException("corrupt sample file " + file + ": truncated after byte "
                            + reader.previousSync() + " of " + Files.size(file));
                }
            } catch (IOException | AvroRuntimeException e) {
                throw new BadInputException("corrupt sample file " + file + ": " + e.getMessage(), e);
            }
        }
        if (samples.isEmpty()) {
            throw new BadInputException("no labeled samples in " + files.size() + " file(s) under " + dir
                    + (from != null || to != null ? " between " + from + " and " + to : ""));
        }
        return new Loaded(samples, hashes, files.size());
    }

    private static Sample toSample(LabeledSample record) {
        List<Integer> ids = record.getFeatureIds();
        int[] idArray = new int[ids.size()];
        for (int i = 0; i < idArray.length; i++) {
            idArray[i] = ids.get(i);
        }
        return new Sample(record.getImpression().getImpressionId(),
                record.getImpression().getEventTime().toEpochMilli(),
                record.getLabel(), idArray, new HashMap<>(record.getFeatureValues()));
    }

    static List<Path> sampleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("sample directory " + dir + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".avro") || name.startsWith("part-");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list sample directory " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new BadInputException("no labeled-sample files (*.avro or part-*) under " + dir);
        }
        return files;
    }

    private static void checkMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(AVRO_MAGIC.length);
            if (!Arrays.equals(head, AVRO_MAGIC)) {
                throw new BadInputException("corrupt sample file " + file + ": not an Avro container file");
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read sample file " + file + ": " + e.getMessage(), e);
        }
    }
}

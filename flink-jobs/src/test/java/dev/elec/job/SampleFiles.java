package dev.elec.job;

import dev.elec.avro.LabeledSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;

/** Reads back the committed sample files (in-progress files start with a dot and are skipped). */
public final class SampleFiles {

    private SampleFiles() {}

    public static List<LabeledSample> read(Path dir) throws IOException {
        List<LabeledSample> samples = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(".avro"))
                    .sorted().toList();
        }
        for (Path file : files) {
            try (DataFileReader<LabeledSample> reader =
                         new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(LabeledSample.class))) {
                reader.forEach(samples::add);
            }
        }
        return samples;
    }
}

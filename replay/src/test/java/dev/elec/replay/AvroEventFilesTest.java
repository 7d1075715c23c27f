package dev.elec.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroEventFilesTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryEventAndItsOrder() {
        EventLog log = SyntheticGenerator.generate(SyntheticConfig.small());
        Path out = dir.resolve("nested/events");
        AvroEventFiles.write(log, out);
        assertTrue(Files.isRegularFile(out.resolve(AvroEventFiles.IMPRESSIONS)));
        assertTrue(Files.isRegularFile(out.resolve(AvroEventFiles.CLICKS)));

        EventLog back = AvroEventFiles.read(out);
        assertEquals(log.impressions(), back.impressions());
        assertEquals(log.clicks(), back.clicks());
        assertEquals(log.inEventTimeOrder(), back.inEventTimeOrder());
    }

    @Test
    void emptyLogRoundTrips() {
        AvroEventFiles.write(new EventLog(List.of(), List.of(), List.of()), dir);
        EventLog back = AvroEventFiles.read(dir);
        assertTrue(back.impressions().isEmpty() && back.clicks().isEmpty());
    }

    @Test
    void missingOrCorruptFileFailsNamingTheFile() throws IOException {
        UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> AvroEventFiles.read(dir));
        assertTrue(missing.getMessage().contains(AvroEventFiles.IMPRESSIONS), missing.getMessage());

        Files.writeString(dir.resolve(AvroEventFiles.IMPRESSIONS), "not avro");
        AvroEventFiles.write(new EventLog(List.of(), List.of(), List.of()), dir.resolve("ok"));
        Files.copy(dir.resolve("ok").resolve(AvroEventFiles.CLICKS), dir.resolve(AvroEventFiles.CLICKS));
        UncheckedIOException corrupt = assertThrows(UncheckedIOException.class, () -> AvroEventFiles.read(dir));
        assertTrue(corrupt.getMessage().contains(AvroEventFiles.IMPRESSIONS), corrupt.getMessage());
    }
}

package dev.elec.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLens100kReaderTest {

    @TempDir
    Path dir;

    @Test
    void realDatasetGivesEveryRatingAsImpressionAndHighRatingsAsClicks() {
        Path dataDir = TestData.requireDataDir(Datasets.MOVIELENS_100K_DIR);
        EventLog log = Datasets.load(DatasetName.MOVIELENS_100K, dataDir, null);
        assertEquals(100_000, log.impressions().size());
        assertEquals(55_375, log.clicks().size());
        assertEquals(List.of(), log.badLines());
        Set<String> ids = log.impressions().stream().map(Impression::getImpressionId).collect(Collectors.toSet());
        assertEquals(100_000, ids.size());
        Impression first = log.impressions().get(0);
        assertTrue(first.getEventTime().toString().startsWith("1997-09-20"), first.toString());
        // u.item is ISO-8859-1: item 543 is "Misérables, Les (1995)"
        assertTrue(log.impressions().stream().anyMatch(i -> i.getItemId().equals("543")
                && "Mis\u00e9rables, Les (1995)".equals(i.getItem().getTitle())), "accented titles decoded");
    }

    @Test
    void mapsDemographicsItemAttributesAndDeterministicClick() throws IOException {
        writeValidDataset();
        EventLog log = new MovieLens100kReader(dir).read();
        assertEquals(List.of(), log.badLines());
        assertEquals(3, log.impressions().size());
        Impression first = log.impressions().get(0);
        assertEquals("ml-1-2-100", first.getImpressionId());
        assertEquals("ml-1-100", first.getRequestId());
        assertEquals("1", first.getUserId());
        assertEquals("2", first.getItemId());
        assertEquals(0, first.getPosition());
        assertEquals(24, first.getUser().getAge());
        assertEquals("M", first.getUser().getGender());
        assertEquals("technician", first.getUser().getOccupation());
        assertEquals("85711", first.getUser().getZip());
        assertEquals("Caf\u00e9 Society (1995)", first.getItem().getTitle());
        assertEquals("01-Jan-1995", first.getItem().getReleaseDate());
        assertEquals(List.of("Action", "Comedy"), first.getItem().getGenres());
        assertEquals("Action", first.getItem().getCategory());
        Impression noDate = log.impressions().get(1);
        assertNull(noDate.getItem().getReleaseDate());
        assertNull(noDate.getItem().getCategory());

        assertEquals(2, log.clicks().size(), "ratings 4 and 5 click, 3 does not");
        Map<String, Impression> byId = log.impressions().stream()
                .collect(Collectors.toMap(Impression::getImpressionId, i -> i));
        for (Click click : log.clicks()) {
            long seconds = Duration.between(byId.get(click.getImpressionId()).getEventTime(), click.getEventTime())
                    .getSeconds();
            assertTrue(seconds >= 5 && seconds <= 30, "delay " + seconds);
        }
        assertEquals(log.clicks(), new MovieLens100kReader(dir).read().clicks(), "click times are deterministic");
    }

    @Test
    void badLinesAreReportedWithFileLineAndReasonAndTheRestIsLoaded() throws IOException {
        writeValidDataset();
        Files.writeString(dir.resolve("u.user"), """
                1|24|M|technician|85711
                2|old|F|other|94043
                3|23|M
                """, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("u.data"), """
                1\t2\t4\t100
                1\t2
                1\t3\tfive\t120
                1\t3\t5\tyesterday
                2\t3\t5\t130
                9\t3\t5\t140
                1\t99\t5\t150
                1\t3\t9\t160
                1\t3\t5\t170
                """, StandardCharsets.ISO_8859_1);
        EventLog log = new MovieLens100kReader(dir).read();

        assertEquals(List.of("ml-1-2-100", "ml-1-3-170"),
                log.impressions().stream().map(Impression::getImpressionId).toList());
        assertEquals(2, log.clicks().size());
        Map<String, List<Long>> linesByFile = log.badLines().stream().collect(Collectors.groupingBy(
                b -> Path.of(b.file()).getFileName().toString(),
                Collectors.mapping(BadLine::lineNumber, Collectors.toList())));
        assertEquals(Map.of("u.user", List.of(2L, 3L), "u.data", List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L)), linesByFile);
        assertReason(log, "u.user", 2, "age is not an integer: 'old'");
        assertReason(log, "u.user", 3, "expected 5 columns, found 3");
        assertReason(log, "u.data", 2, "expected 4 columns, found 2");
        assertReason(log, "u.data", 3, "rating is not an integer: 'five'");
        assertReason(log, "u.data", 4, "timestamp is not an integer: 'yesterday'");
        assertReason(log, "u.data", 5, "unknown user id 2");
        assertReason(log, "u.data", 6, "unknown user id 9");
        assertReason(log, "u.data", 7, "unknown item id 99");
        assertReason(log, "u.data", 8, "rating must be 1-5, got 9");
    }

    @Test
    void missingFileNamesThePath() throws IOException {
        writeValidDataset();
        Files.delete(dir.resolve("u.item"));
        DatasetMissingException e = assertThrows(DatasetMissingException.class,
                () -> Datasets.load(DatasetName.MOVIELENS_100K, dir, null));
        assertEquals(dir.resolve("u.item"), e.path());
        assertTrue(e.getMessage().contains(dir.resolve("u.item").toAbsolutePath().toString()), e.getMessage());
        assertThrows(DatasetMissingException.class,
                () -> Datasets.load(DatasetName.MOVIELENS_100K, dir.resolve("nowhere"), null));
    }

    static void assertReason(EventLog log, String file, long line, String reasonPart) {
        BadLine bad = log.badLines().stream()
                .filter(b -> b.file().endsWith(file) && b.lineNumber() == line)
                .findFirst().orElseThrow(() -> new AssertionError("no bad line " + file + ":" + line + " in " + log.badLines()));
        assertTrue(bad.reason().contains(reasonPart), bad.toString());
    }

    private void writeValidDataset() throws IOException {
        Files.writeString(dir.resolve("u.genre"), "Action|0\nComedy|1\nDrama|2\n\n", StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("u.user"), "1|24|M|technician|85711\n", StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("u.item"), """
                2|Caf\u00e9 Society (1995)|01-Jan-1995||http://x|1|1|0
                3|unknown||||0|0|0
                """, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("u.data"), "1\t2\t4\t100\n1\t3\t3\t110\n1\t2\t5\t120\n",
                StandardCharsets.ISO_8859_1);
    }
}

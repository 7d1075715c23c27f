package dev.elec.replay;

import static dev.elec.replay.MovieLens100kReaderTest.assertReason;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MindReaderTest {

    @TempDir
    Path dir;

    @Test
    void realDatasetGivesEveryShownNewsAsImpressionAndEveryClickedOneAsClick() {
        Path dataDir = TestData.requireDataDir(Datasets.MIND_DIR);
        EventLog log = Datasets.load(DatasetName.MIND, dataDir, null);
        assertEquals(189_359, log.impressions().size());
        assertEquals(7_542, log.clicks().size());
        assertEquals(List.of(), log.badLines());
        Set<String> ids = log.impressions().stream().map(Impression::getImpressionId).collect(Collectors.toSet());
        assertEquals(189_359, ids.size());
        long withTitle = log.impressions().stream().filter(i -> i.getItem().getTitle() != null).count();
        assertEquals(5_310, withTitle, "rows whose news is in news.tsv (SOURCES.md)");
        assertTrue(log.impressions().get(0).getEventTime().toString().startsWith("2019-11-09"));
    }

    @Test
    void mapsPositionsHistoryNewsTextAndUnknownNews() throws IOException {
        writeNews("N1\tsports\tsoccer\tA big match\tAbstract one\thttp://x\t[]\t[]\n");
        writeBehaviors("7\tU1\t11/12/2019 2:14:46 PM\tN5 N6\tN1-0 N2-1 N1-1\n"
                + "8\tU2\t11/12/2019 9:05:00 AM\t\tN2-0\n");
        EventLog log = new MindReader(dir).read();
        assertEquals(List.of(), log.badLines());
        assertEquals(List.of("mind-8-0", "mind-7-0", "mind-7-1", "mind-7-2"),
                log.impressions().stream().map(Impression::getImpressionId).toList());
        Impression morning = log.impressions().get(0);
        assertEquals(Instant.parse("2019-11-12T09:05:00Z"), morning.getEventTime());
        assertEquals(List.of(), morning.getUser().getHistory());

        Impression known = log.impressions().get(1);
        assertEquals(Instant.parse("2019-11-12T14:14:46Z"), known.getEventTime());
        assertEquals("7", known.getRequestId());
        assertEquals("U1", known.getUserId());
        assertEquals("N1", known.getItemId());
        assertEquals(0, known.getPosition());
        assertEquals(List.of("N5", "N6"), known.getUser().getHistory());
        assertEquals("A big match", known.getItem().getTitle());
        assertEquals("sports", known.getItem().getCategory());
        assertEquals("soccer", known.getItem().getSubcategory());

        Impression unknown = log.impressions().get(2);
        assertEquals(1, unknown.getPosition());
        assertNull(unknown.getItem().getTitle());
        assertEquals(MindReader.UNKNOWN, unknown.getItem().getCategory());
        assertEquals(MindReader.UNKNOWN, unknown.getItem().getSubcategory());

        assertEquals(List.of("mind-7-1", "mind-7-2"),
                log.clicks().stream().map(Click::getImpressionId).sorted().toList());
        for (Click click : log.clicks()) {
            assertTrue(click.getEventTime().isAfter(known.getEventTime().plusSeconds(4)));
            assertEquals("U1", click.getUserId());
        }
    }

    @Test
    void badLinesAreReportedWithFileLineAndReasonAndTheRestIsLoaded() throws IOException {
        writeNews("N1\tsports\tsoccer\tA big match\t\thttp://x\t[]\t[]\n"
                + "N2\tnews\ttoo few columns\n");
        writeBehaviors(String.join("\n",
                "1\tU1\t11/12/2019 2:14:46 PM\t\tN1-1 N2-0",
                "x\tU1\t11/12/2019 2:14:46 PM\t\tN1-1",
                "3\tU1\t2019-11-12 14:14:46\t\tN1-1",
                "4\tU1\t11/12/2019 2:14:46 PM\t\tN1-2",
                "5\tU1\t11/12/2019 2:14:46 PM\t\t",
                "6\tU1\t11/12/2019 2:14:46 PM\tN1",
                "1\tU1\t11/12/2019 2:15:00 PM\t\tN1-0",
                "8\tU2\t11/13/2019 1:00:00 AM\tN1\tN2-1",
                ""));
        EventLog log = new MindReader(dir).read();
        assertEquals(List.of("mind-1-0", "mind-1-1", "mind-8-0"),
                log.impressions().stream().map(Impression::getImpressionId).toList());
        assertEquals(2, log.clicks().size());
        assertEquals(7, log.badLines().size(), log.badLines().toString());
        assertReason(log, "news.tsv", 2, "expected 8 columns, found 3");
        assertReason(log, "behaviors.tsv", 2, "impression id is not an integer: 'x'");
        assertReason(log, "behaviors.tsv", 3, "time is not M/D/YYYY h:mm:ss AM/PM: '2019-11-12 14:14:46'");
        assertReason(log, "behaviors.tsv", 4, "'N1-2'");
        assertReason(log, "behaviors.tsv", 5, "no shown news");
        assertReason(log, "behaviors.tsv", 6, "expected 5 columns, found 4");
        assertReason(log, "behaviors.tsv", 7, "duplicate impression id 1");
    }

    @Test
    void malformedUtf8IsReplacedNotFatal() throws IOException {
        byte[] title = "Caf\u00e9 news".getBytes(StandardCharsets.UTF_8);
        title[3] = (byte) 0xFF;
        byte[] head = "N1\tfood\tcafes\t".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\t\thttp://x\t[]\t[]\n".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[head.length + title.length + tail.length];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(title, 0, line, head.length, title.length);
        System.arraycopy(tail, 0, line, head.length + title.length, tail.length);
        Files.write(dir.resolve("news.tsv"), line);
        writeBehaviors("1\tU1\t11/12/2019 2:14:46 PM\t\tN1-1\n");
        EventLog log = new MindReader(dir).read();
        assertEquals(List.of(), log.badLines());
        assertTrue(log.impressions().get(0).getItem().getTitle().startsWith("Caf\uFFFD"),
                log.impressions().get(0).getItem().getTitle());
    }

    @Test
    void missingFileNamesThePath() throws IOException {
        writeBehaviors("1\tU1\t11/12/2019 2:14:46 PM\t\tN1-1\n");
        DatasetMissingException e = assertThrows(DatasetMissingException.class,
                () -> Datasets.load(DatasetName.MIND, dir, null));
        assertEquals(dir.resolve("news.tsv"), e.path());
    }

    private void writeNews(String content) throws IOException {
        Files.writeString(dir.resolve("news.tsv"), content, StandardCharsets.UTF_8);
    }

    private void writeBehaviors(String content) throws IOException {
        Files.writeString(dir.resolve("behaviors.tsv"), content, StandardCharsets.UTF_8);
    }
}

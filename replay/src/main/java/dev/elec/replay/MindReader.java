package dev.elec.replay;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.UserAttributes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MIND: each news shown in a {@code behaviors.tsv} line is an impression (position = index in the
 * list, request id = the MIND impression id, the user's click history as {@code user.history}); each
 * one labelled 1 is also a click a few seconds later. Title, category and subcategory come from
 * {@code news.tsv}; news absent there get category and subcategory {@value #UNKNOWN} and no title.
 * Times ("M/D/YYYY h:mm:ss AM/PM") are read as UTC.
 */
public final class MindReader {

    public static final String UNKNOWN = "unknown";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    private final Path dir;

    public MindReader(Path dir) {
        this.dir = dir;
    }

    /** Reads the dataset; throws {@link DatasetMissingException} if one of its files is absent. */
    public EventLog read() {
        Path behaviorsPath = DatasetFile.require(DatasetName.MIND, dir, "behaviors.tsv");
        Path newsPath = DatasetFile.require(DatasetName.MIND, dir, "news.tsv");
        List<BadLine> badLines = new ArrayList<>();
        Map<String, News> news = readNews(newsPath, badLines);

        List<Impression> impressions = new ArrayList<>(200_000);
        List<Click> clicks = new ArrayList<>(8_000);
        Set<Long> seenRequests = new HashSet<>();
        new DatasetFile(behaviorsPath, StandardCharsets.UTF_8, "\t", 5).forEachLine(badLines, (lineNumber, c) -> {
            long requestNumber = DatasetFile.parseLong(c[0], "impression id");
            String userId = c[1].trim();
            if (userId.isEmpty()) {
                throw new LineRejected("empty user id");
            }
            Instant time = parseTime(c[2]);
            List<String> history = List.copyOf(words(c[3]));
            List<Shown> shown = parseShown(c[4]);
            if (!seenRequests.add(requestNumber)) {
                throw new LineRejected("duplicate impression id " + requestNumber);
            }
            String requestId = Long.toString(requestNumber);
            for (int position = 0; position < shown.size(); position++) {
                Shown s = shown.get(position);
                String impressionId = "mind-" + requestId + "-" + position;
                impressions.add(Impression.newBuilder()
                        .setImpressionId(impressionId)
                        .setRequestId(requestId)
                        .setEventTime(time)
                        .setUserId(userId)
                        .setItemId(s.newsId())
                        .setPosition(position)
                        .setUser(UserAttributes.newBuilder().setHistory(history).build())
                        .setItem(news.getOrDefault(s.newsId(), News.ABSENT).attributes())
                        .build());
                if (s.clicked()) {
                    clicks.add(Click.newBuilder()
                            .setClickId(impressionId + "-click")
                            .setImpressionId(impressionId)
                            .setUserId(userId)
                            .setItemId(s.newsId())
                            .setEventTime(ClickDelay.clickTime(time, impressionId))
                            .build());
                }
            }
        });
        // Stable sort: impressions of one request stay in position order.
        return EventLog.sortedByEventTime(impressions, clicks, badLines);
    }

    private static Map<String, News> readNews(Path path, List<BadLine> badLines) {
        Map<String, News> news = new HashMap<>();
        new DatasetFile(path, StandardCharsets.UTF_8, "\t", 8).forEachLine(badLines, (lineNumber, c) -> {
            String id = c[0].trim();
            if (id.isEmpty()) {
                throw new LineRejected("empty news id");
            }
            if (news.containsKey(id)) {
                throw new LineRejected("duplicate news id " + id);
            }
            news.put(id, new News(orUnknown(c[1]), orUnknown(c[2]), emptyToNull(c[3]), emptyToNull(c[4])));
        });
        return news;
    }

    private static Instant parseTime(String value) throws LineRejected {
        try {
            return LocalDateTime.parse(value.trim(), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new LineRejected("time is not M/D/YYYY h:mm:ss AM/PM: '" + value + "'");
        }
    }

    private static List<Shown> parseShown(String value) throws LineRejected {
        List<String> tokens = words(value);
        if (tokens.isEmpty()) {
            throw new LineRejected("no shown news");
        }
        List<Shown> shown = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            int dash = token.lastIndexOf('-');
            String label = dash < 0 ? "" : token.substring(dash + 1);
            if (dash <= 0 || !(label.equals("0") || label.equals("1"))) {
                throw new LineRejected("shown news is not NewsID-0 or NewsID-1: '" + token + "'");
            }
            shown.add(new Shown(token.substring(0, dash), label.equals("1")));
        }
        return shown;
    }

    private static List<String> words(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split(" +"));
    }

    private static String emptyToNull(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String orUnknown(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? UNKNOWN : trimmed;
    }

    private record Shown(String newsId, boolean clicked) {
    }

    private record News(String category, String subcategory, String title, String abstractText) {
        static final News ABSENT = new News(UNKNOWN, UNKNOWN, null, null);

        ItemAttributes attributes() {
            ItemAttributes.Builder builder = ItemAttributes.newBuilder()
                    .setCategory(category).setSubcategory(subcategory).setTitle(title);
            if (abstractText != null) {
                builder.setExtra(new HashMap<>(Map.of("abstract", abstractText)));
            }
            return builder.build();
        }
    }
}

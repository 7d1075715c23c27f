package dev.elec.replay;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.UserAttributes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * MovieLens-100K: every rating in {@code u.data} is an impression at its timestamp; a rating of 4 or 5
 * is also a click a few seconds later. User demographics come from {@code u.user}, title, release date
 * and genres from {@code u.item} (ISO-8859-1), genre names from {@code u.genre}.
 */
public final class MovieLens100kReader {

    /** Ratings at or above this count as clicks. */
    public static final int CLICK_RATING = 4;

    private static final int ITEM_FIXED_COLUMNS = 5;

    private final Path dir;

    public MovieLens100kReader(Path dir) {
        this.dir = dir;
    }

    /** Reads the dataset; throws {@link DatasetMissingException} if one of its files is absent. */
    public EventLog read() {
        Path ratingsPath = DatasetFile.require(DatasetName.MOVIELENS_100K, dir, "u.data");
        Path usersPath = DatasetFile.require(DatasetName.MOVIELENS_100K, dir, "u.user");
        Path itemsPath = DatasetFile.require(DatasetName.MOVIELENS_100K, dir, "u.item");
        Path genresPath = DatasetFile.require(DatasetName.MOVIELENS_100K, dir, "u.genre");

        List<BadLine> badLines = new ArrayList<>();
        List<String> genreNames = readGenres(genresPath, badLines);
        Map<String, User> users = readUsers(usersPath, badLines);
        Map<String, Item> items = readItems(itemsPath, genreNames, badLines);

        List<Impression> impressions = new ArrayList<>(100_000);
        List<Click> clicks = new ArrayList<>(60_000);
        Set<String> seenIds = new HashSet<>();
        new DatasetFile(ratingsPath, StandardCharsets.ISO_8859_1, "\t", 4).forEachLine(badLines, (lineNumber, c) -> {
            String userId = c[0].trim();
            String itemId = c[1].trim();
            DatasetFile.parseInt(userId, "user id");
            DatasetFile.parseInt(itemId, "item id");
            int rating = DatasetFile.parseInt(c[2], "rating");
            if (rating < 1 || rating > 5) {
                throw new LineRejected("rating must be 1-5, got " + rating);
            }
            long seconds = DatasetFile.parseLong(c[3], "timestamp");
            User user = users.get(userId);
            if (user == null) {
                throw new LineRejected("unknown user id " + userId + " (not in u.user)");
            }
            Item item = items.get(itemId);
            if (item == null) {
                throw new LineRejected("unknown item id " + itemId + " (not in u.item)");
            }
            String impressionId = "ml-" + userId + "-" + itemId + "-" + seconds;
            if (!seenIds.add(impressionId)) {
                throw new LineRejected("duplicate rating of item " + itemId + " by user " + userId + " at " + seconds);
            }
            Instant time = Instant.ofEpochSecond(seconds);
            impressions.add(Impression.newBuilder()
                    .setImpressionId(impressionId)
                    .setRequestId("ml-" + userId + "-" + seconds)
                    .setEventTime(time)
                    .setUserId(userId)
                    .setItemId(itemId)
                    .setPosition(0)
                    .setUser(user.attributes())
                    .setItem(item.attributes())
                    .build());
            if (rating >= CLICK_RATING) {
                clicks.add(Click.newBuilder()
                        .setClickId(impressionId + "-click")
                        .setImpressionId(impressionId)
                        .setUserId(userId)
                        .setItemId(itemId)
                        .setEventTime(ClickDelay.clickTime(time, impressionId))
                        .build());
            }
        });
        // u.data is in random order; the sort is stable, so equal times keep file order.
        return EventLog.sortedByEventTime(impressions, clicks, badLines);
    }

    private static List<String> readGenres(Path path, List<BadLine> badLines) {
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        DatasetFile file = new DatasetFile(path, StandardCharsets.ISO_8859_1, "\\|", 2);
        file.forEachLine(badLines, (lineNumber, c) -> {
            int index = DatasetFile.parseInt(c[1], "genre index");
            if (index < 0 || byIndex.containsKey(index)) {
                throw new LineRejected("genre index " + index + " is negative or repeated");
            }
            byIndex.put(index, c[0].trim());
        });
        int count = byIndex.isEmpty() ? 0 : byIndex.lastKey() + 1;
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(byIndex.getOrDefault(i, "genre" + i));
        }
        return names;
    }

    private static Map<String, User> readUsers(Path path, List<BadLine> badLines) {
        Map<String, User> users = new HashMap<>();
        new DatasetFile(path, StandardCharsets.ISO_8859_1, "\\|", 5).forEachLine(badLines, (lineNumber, c) -> {
            String id = c[0].trim();
            DatasetFile.parseInt(id, "user id");
            int age = DatasetFile.parseInt(c[1], "age");
            if (users.containsKey(id)) {
                throw new LineRejected("duplicate user id " + id);
            }
            users.put(id, new User(age, emptyToNull(c[2]), emptyToNull(c[3]), emptyToNull(c[4])));
        });
        return users;
    }

    private static Map<String, Item> readItems(Path path, List<String> genreNames, List<BadLine> badLines) {
        Map<String, Item> items = new HashMap<>();
        DatasetFile file = new DatasetFile(path, StandardCharsets.ISO_8859_1, "\\|", ITEM_FIXED_COLUMNS + genreNames.size());
        file.forEachLine(badLines, (lineNumber, c) -> {
            String id = c[0].trim();
            DatasetFile.parseInt(id, "item id");
            List<String> genres = new ArrayList<>(3);
            for (int g = 0; g < genreNames.size(); g++) {
                String flag = c[ITEM_FIXED_COLUMNS + g].trim();
                if (flag.equals("1")) {
                    genres.add(genreNames.get(g));
                } else if (!flag.equals("0")) {
                    throw new LineRejected("genre flag " + genreNames.get(g) + " must be 0 or 1, got '" + flag + "'");
                }
            }
            if (items.containsKey(id)) {
                throw new LineRejected("duplicate item id " + id);
            }
            items.put(id, new Item(emptyToNull(c[1]), emptyToNull(c[2]), List.copyOf(genres)));
        });
        return items;
    }

    private static String emptyToNull(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private record User(int age, String gender, String occupation, String zip) {
        UserAttributes attributes() {
            return UserAttributes.newBuilder()
                    .setAge(age).setGender(gender).setOccupation(occupation).setZip(zip)
                    .build();
        }
    }

    private record Item(String title, String releaseDate, List<String> genres) {
        ItemAttributes attributes() {
            return ItemAttributes.newBuilder()
                    .setTitle(title)
                    .setReleaseDate(releaseDate)
                    .setGenres(new ArrayList<>(genres))
                    .setCategory(genres.isEmpty() ? null : genres.get(0))
                    .build();
        }
    }
}

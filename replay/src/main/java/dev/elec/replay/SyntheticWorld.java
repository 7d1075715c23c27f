package dev.elec.replay;

import static dev.elec.replay.SyntheticVocabulary.CATEGORIES;
import static dev.elec.replay.SyntheticVocabulary.GENDERS;
import static dev.elec.replay.SyntheticVocabulary.GENRES;
import static dev.elec.replay.SyntheticVocabulary.NEUTRAL_WORDS;
import static dev.elec.replay.SyntheticVocabulary.OCCUPATIONS;
import static dev.elec.replay.SyntheticVocabulary.TOPIC_WORDS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The users and items of a synthetic dataset, with their hidden topics and click biases. */
final class SyntheticWorld {

    record User(String id, int age, String gender, String occupation, String zip, int topic,
                double clickBias, double exposureWeight) {
    }

    record Item(String id, String title, String category, List<String> genres, int topic, double popularity) {
    }

    private final List<User> users;
    private final List<Item> items;
    private final List<List<Item>> itemsByTopic;

    private SyntheticWorld(List<User> users, List<Item> items) {
        this.users = users;
        this.items = items;
        this.itemsByTopic = new ArrayList<>();
        for (int t = 0; t < SyntheticVocabulary.topicCount(); t++) {
            itemsByTopic.add(new ArrayList<>());
        }
        items.forEach(item -> itemsByTopic.get(item.topic()).add(item));
    }

    static SyntheticWorld create(SyntheticConfig config) {
        Random random = new Random(config.seed());
        List<User> users = new ArrayList<>(config.users());
        for (int u = 0; u < config.users(); u++) {
            String occupation = pick(OCCUPATIONS, random);
            users.add(new User("syn-u" + u,
                    18 + random.nextInt(53),
                    pick(GENDERS, random),
                    occupation,
                    String.format(Locale.ROOT, "%05d", random.nextInt(100_000)),
                    SyntheticVocabulary.topicOfOccupation(occupation),
                    0.5 * random.nextGaussian(),
                    Math.exp(random.nextGaussian())));
        }
        List<Item> items = new ArrayList<>(config.items());
        for (int i = 0; i < config.items(); i++) {
            int topic = random.nextInt(SyntheticVocabulary.topicCount());
            List<String> genres = new ArrayList<>(List.of(pick(GENRES, random)));
            String second = pick(GENRES, random);
            if (random.nextBoolean() && !genres.contains(second)) {
                genres.add(second);
            }
            items.add(new Item("syn-i" + i, title(topic, random), pick(CATEGORIES, random), List.copyOf(genres),
                    topic, 0.3 * random.nextGaussian()));
        }
        return new SyntheticWorld(List.copyOf(users), List.copyOf(items));
    }

    /** Two or three topic words mixed with two or three neutral words, in random order. */
    private static String title(int topic, Random random) {
        List<String> words = new ArrayList<>();
        addDistinct(words, TOPIC_WORDS.get(topic), 2 + random.nextInt(2), random);
        addDistinct(words, NEUTRAL_WORDS, 2 + random.nextInt(2), random);
        Collections.shuffle(words, random);
        StringBuilder title = new StringBuilder();
        for (String word : words) {
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        return title.toString();
    }

    private static void addDistinct(List<String> words, List<String> from, int count, Random random) {
        List<String> pool = new ArrayList<>(from);
        Collections.shuffle(pool, random);
        words.addAll(pool.subList(0, count));
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    List<User> users() {
        return users;
    }

    List<Item> items() {
        return items;
    }

    List<Item> itemsOfTopic(int topic) {
        return itemsByTopic.get(topic);
    }

    User user(String id) {
        return users.get(Integer.parseInt(id.substring("syn-u".length())));
    }

    Item item(String id) {
        return items.get(Integer.parseInt(id.substring("syn-i".length())));
    }
}

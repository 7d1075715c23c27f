package dev.elec.trainer;

import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.UserAttributes;
import dev.elec.model.feature.FeatureKeys;
import dev.elec.model.feature.FeatureSpec;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small labeled samples whose clicks depend on what texts mean: a user's occupation decides which topic they like,
 * and an item's topic shows only in the words of its title.
 */
public final class SyntheticSamples {
    private static final String[] OCCUPATIONS = {"programmer", "artist", "doctor", "lawyer"};
    private static final String[][] TOPIC_WORDS = {
            {"Robots", "Computers", "Software", "Algorithms"},
            {"Painting", "Sculpture", "Museums", "Colors"},
            {"Medicine", "Hospitals", "Surgery", "Vaccines"},
            {"Courts", "Contracts", "Judges", "Trials"}};

    private SyntheticSamples() {
    }

    public static List<LabeledSample> generate(int rows, long seed) {
        FeatureSpec spec = FeatureSpec.defaults();
        Random random = new Random(seed);
        int users = 300;
        int items = 400;
        List<LabeledSample> out = new ArrayList<>();
        long t0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        for (int r = 0; r < rows; r++) {
            int user = random.nextInt(users);
            int item = random.nextInt(items);
            int userTopic = user % OCCUPATIONS.length;
            int itemTopic = (item * 7) % TOPIC_WORDS.length;
            String title = TOPIC_WORDS[itemTopic][item % 4] + " and " + TOPIC_WORDS[itemTopic][(item / 4) % 4]
                    + " vol. " + item;
            // the topic match needs text; item popularity (every third item is a hit) is learnable from ids alone
            double p = (userTopic == itemTopic ? 0.5 : 0.08) + (item % 3 == 0 ? 0.25 : 0);
            int label = random.nextDouble() < p ? 1 : 0;
            Map<String, String> values = new HashMap<>();
            values.put(FeatureKeys.USER_ID, "u" + user);
            values.put(FeatureKeys.ITEM_ID, "i" + item);
            values.put(FeatureKeys.USER_OCCUPATION, OCCUPATIONS[userTopic]);
            values.put(FeatureKeys.USER_GENDER, user % 2 == 0 ? "F" : "M");
            values.put(FeatureKeys.ITEM_TITLE, title);
            values.put(FeatureKeys.POSITION, Integer.toString(r % 5));
            values.put(FeatureKeys.HOUR_OF_DAY, Integer.toString((r / 50) % 24));
            long time = t0 + r * 60_000L;
            out.add(sample(spec, "imp-" + r, time, "u" + user, "i" + item, title, values, label));
        }
        return out;
    }

    static LabeledSample sample(FeatureSpec spec, String id, long time, String user, String item, String title,
                                Map<String, String> values, int label) {
        Impression impression = Impression.newBuilder()
                .setImpressionId(id).setRequestId("req-" + id).setEventTime(Instant.ofEpochMilli(time))
                .setUserId(user).setItemId(item).setPosition(0)
                .setUser(UserAttributes.newBuilder().build())
                .setItem(ItemAttributes.newBuilder().setTitle(title).build())
                .build();
        List<Integer> ids = new ArrayList<>();
        for (int v : spec.encode(values)) {
            ids.add(v);
        }
        return LabeledSample.newBuilder()
                .setImpression(impression)
                .setFeatureSpecVersion(spec.version()).setFeatureSpecHash(spec.hash())
                .setFeatureIds(ids).setFeatureValues(new HashMap<>(values))
                .setPctr(0.1).setModelVersion("prior").setScoredAt(Instant.ofEpochMilli(time))
                .setLabel(label)
                .build();
    }

    public static void write(List<LabeledSample> samples, Path file) throws IOException {
        try (DataFileWriter<LabeledSample> writer = new DataFileWriter<>(new SpecificDatumWriter<>(LabeledSample.class))) {
            writer.create(LabeledSample.getClassSchema(), file.toFile());
            for (LabeledSample sample : samples) {
                writer.append(sample);
            }
        }
    }
}

package dev.elec.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticGeneratorTest {

    private static final SyntheticConfig CONFIG = SyntheticConfig.defaults();
    private static EventLog log;
    private static SyntheticWorld world;

    @BeforeAll
    static void generate() {
        log = SyntheticGenerator.generate(CONFIG);
        world = SyntheticWorld.create(CONFIG);
    }

    @Test
    void sameConfigGivesIdenticalEventsAndOtherSeedDoesNot() {
        SyntheticConfig small = SyntheticConfig.small();
        EventLog first = SyntheticGenerator.generate(small);
        EventLog second = SyntheticGenerator.generate(small);
        assertEquals(first.impressions(), second.impressions());
        assertEquals(first.clicks(), second.clicks());
        EventLog other = SyntheticGenerator.generate(
                new SyntheticConfig(small.users(), small.items(), small.impressions(), small.seed() + 1));
        assertNotEquals(first.impressions(), other.impressions());
    }

    @Test
    void datasetsLoadsSyntheticWithoutADataDirectory() {
        EventLog loaded = Datasets.load(DatasetName.SYNTHETIC, null, SyntheticConfig.small());
        assertEquals(SyntheticGenerator.generate(SyntheticConfig.small()).impressions(), loaded.impressions());
        assertEquals(log.impressions(), Datasets.load(DatasetName.SYNTHETIC, null, null).impressions(),
                "null config means defaults");
    }

    @Test
    void generatesExactlyTheConfiguredImpressionsWithUniqueIds() {
        assertEquals(CONFIG.impressions(), log.impressions().size());
        assertEquals(SyntheticConfig.small().impressions(),
                SyntheticGenerator.generate(SyntheticConfig.small()).impressions().size());
        Set<String> ids = log.impressions().stream().map(Impression::getImpressionId).collect(Collectors.toSet());
        assertEquals(CONFIG.impressions(), ids.size());
        assertTrue(log.badLines().isEmpty());
    }

    @Test
    void baseCtrIsBetweenTenAndTwentyPercent() {
        double ctr = (double) log.clicks().size() / log.impressions().size();
        assertTrue(ctr >= 0.10 && ctr <= 0.20, "CTR " + ctr);
    }

    @Test
    void clicksDependStronglyOnTopicMatch() {
        Set<String> clicked = clickedImpressionIds(log);
        long[] shown = new long[2];
        long[] clicks = new long[2];
        for (Impression impression : log.impressions()) {
            int matched = world.user(impression.getUserId()).topic() == world.item(impression.getItemId()).topic() ? 1 : 0;
            shown[matched]++;
            if (clicked.contains(impression.getImpressionId())) {
                clicks[matched]++;
            }
        }
        double matchedCtr = (double) clicks[1] / shown[1];
        double unmatchedCtr = (double) clicks[0] / shown[0];
        assertTrue(shown[1] > CONFIG.impressions() / 10, "matched impressions " + shown[1]);
        assertTrue(matchedCtr > 4 * unmatchedCtr,
                String.format(Locale.ROOT, "matched CTR %.3f vs unmatched %.3f", matchedCtr, unmatchedCtr));
    }

    @Test
    void topicShowsInTitleWordsOnly() {
        for (SyntheticWorld.Item item : world.items()) {
            Set<String> words = Arrays.stream(item.title().toLowerCase(Locale.ROOT).split(" ")).collect(Collectors.toSet());
            for (int topic = 0; topic < SyntheticVocabulary.topicCount(); topic++) {
                long hits = SyntheticVocabulary.TOPIC_WORDS.get(topic).stream().filter(words::contains).count();
                if (topic == item.topic()) {
                    assertTrue(hits >= 2, item.toString());
                } else {
                    assertEquals(0, hits, item.toString());
                }
            }
        }
        // every category holds every topic at about its overall share (1/8)
        Map<String, int[]> topicsByCategory = new HashMap<>();
        for (SyntheticWorld.Item item : world.items()) {
            topicsByCategory.computeIfAbsent(item.category(), c -> new int[SyntheticVocabulary.topicCount()])[item.topic()]++;
        }
        for (Map.Entry<String, int[]> entry : topicsByCategory.entrySet()) {
            int total = Arrays.stream(entry.getValue()).sum();
            for (int count : entry.getValue()) {
                double share = (double) count / total;
                assertTrue(Math.abs(share - 1.0 / SyntheticVocabulary.topicCount()) < 0.03,
                        entry.getKey() + " " + Arrays.toString(entry.getValue()));
            }
        }
    }

    @Test
    void itemsRecurSparsely() {
        Map<String, Long> showsPerItem = log.impressions().stream()
                .collect(Collectors.groupingBy(Impression::getItemId, Collectors.counting()));
        double mean = showsPerItem.values().stream().mapToLong(Long::longValue).average().orElseThrow();
        assertTrue(mean < 4, "mean shows per item " + mean);
        assertTrue(showsPerItem.size() > CONFIG.items() / 2, "distinct items " + showsPerItem.size());
    }

    @Test
    void eventsSpanAboutTenDaysAndClicksFollowTheirImpressionBySeconds() {
        List<Impression> impressions = log.impressions();
        Duration span = Duration.between(impressions.get(0).getEventTime(),
                impressions.get(impressions.size() - 1).getEventTime());
        assertTrue(span.compareTo(Duration.ofDays(9)) > 0 && span.compareTo(Duration.ofDays(10)) <= 0, span.toString());
        for (int i = 1; i < impressions.size(); i++) {
            assertFalse(impressions.get(i).getEventTime().isBefore(impressions.get(i - 1).getEventTime()));
        }
        Map<String, Impression> byId = impressions.stream()
                .collect(Collectors.toMap(Impression::getImpressionId, imp -> imp));
        for (Click click : log.clicks()) {
            Impression impression = byId.get(click.getImpressionId());
            long seconds = Duration.between(impression.getEventTime(), click.getEventTime()).getSeconds();
            assertTrue(seconds >= 5 && seconds <= 30, click + " after " + seconds + " s");
            assertEquals(impression.getUserId(), click.getUserId());
            assertEquals(impression.getItemId(), click.getItemId());
        }
    }

    @Test
    void impressionsCarryDemographicsAndTextButNoTopic() {
        Impression first = log.impressions().get(0);
        assertTrue(first.getUser().getAge() != null && first.getUser().getGender() != null
                && first.getUser().getOccupation() != null && first.getUser().getZip() != null, first.toString());
        assertTrue(first.getItem().getTitle() != null && first.getItem().getCategory() != null
                && !first.getItem().getGenres().isEmpty(), first.toString());
        assertTrue(first.getPosition() >= 0 && first.getPosition() < SyntheticGenerator.SLATE_SIZE);
    }

    static Set<String> clickedImpressionIds(EventLog log) {
        Set<String> ids = new HashSet<>();
        log.clicks().forEach(c -> ids.add(c.getImpressionId()));
        return ids;
    }
}

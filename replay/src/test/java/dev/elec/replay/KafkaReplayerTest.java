package dev.elec.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.kafka.LocalKafka;
import dev.elec.schemas.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KafkaReplayerTest {

    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = LocalKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void replaysTheSmallSyntheticLogAndConsumesBackExactlyTheSameEvents() throws Exception {
        EventLog log = SyntheticGenerator.generate(SyntheticConfig.small());
        kafka.createTopics(2, "imps-full", "clicks-full");

        ReplayResult result = new KafkaReplayer().replay(log, kafka.bootstrapServers(), "imps-full", "clicks-full", 0);

        assertEquals(log.impressions().size(), result.impressions());
        assertEquals(log.clicks().size(), result.clicks());
        Consumed consumed = consume("imps-full", "clicks-full", log.impressions().size() + log.clicks().size());
        assertEquals(ids(log.impressions().stream().map(Impression::getImpressionId).toList()), consumed.impressionIds);
        assertEquals(ids(log.clicks().stream().map(Click::getClickId).toList()), consumed.clickIds);
        assertEquals(log.impressions().size(), consumed.impressions);
        assertEquals(log.clicks().size(), consumed.clicks);
    }

    @Test
    void rateLimitedReplayDeliversEverything() throws Exception {
        EventLog full = SyntheticGenerator.generate(SyntheticConfig.small());
        List<Impression> impressions = full.impressions().subList(0, 200);
        Set<String> kept = ids(impressions.stream().map(Impression::getImpressionId).toList());
        List<Click> clicks = full.clicks().stream().filter(c -> kept.contains(c.getImpressionId())).toList();
        EventLog log = new EventLog(impressions, clicks, List.of(new BadLine("f", 1, "kept in the result")));
        kafka.createTopics(1, "imps-paced", "clicks-paced");

        ReplayResult result = new KafkaReplayer().replay(log, kafka.bootstrapServers(), "imps-paced", "clicks-paced", 2_000);

        assertEquals(new ReplayResult(200, clicks.size(), log.badLines()), result);
        Consumed consumed = consume("imps-paced", "clicks-paced", 200 + clicks.size());
        assertEquals(kept, consumed.impressionIds);
    }

    @Tag("slow")
    @ParameterizedTest
    @EnumSource(value = DatasetName.class, names = {"MOVIELENS_100K", "MIND"})
    void replaysRealDatasetsWithExactCounts(DatasetName name) throws Exception {
        Path dataDir = TestData.requireDataDir(name == DatasetName.MIND ? Datasets.MIND_DIR : Datasets.MOVIELENS_100K_DIR);
        EventLog log = Datasets.load(name, dataDir, null);
        String impressionsTopic = "imps-" + name.cliName();
        String clicksTopic = "clicks-" + name.cliName();
        kafka.createTopics(2, impressionsTopic, clicksTopic);

        ReplayResult result = new KafkaReplayer().replay(log, kafka.bootstrapServers(), impressionsTopic, clicksTopic, 0);

        long expectedImpressions = name == DatasetName.MIND ? 189_359 : 100_000;
        long expectedClicks = name == DatasetName.MIND ? 7_542 : 55_375;
        assertEquals(new ReplayResult(expectedImpressions, expectedClicks, List.of()), result);
        Consumed consumed = consume(impressionsTopic, clicksTopic, (int) (expectedImpressions + expectedClicks));
        assertEquals(expectedImpressions, consumed.impressions);
        assertEquals(expectedClicks, consumed.clicks);
        assertEquals(expectedImpressions, consumed.impressionIds.size());
        assertEquals(expectedClicks, consumed.clickIds.size());
    }

    private record Consumed(long impressions, long clicks, Set<String> impressionIds, Set<String> clickIds) {
    }

    /** Polls until {@code expected} records arrived or nothing came for a while; the caller asserts the counts. */
    private static Consumed consume(String impressionsTopic, String clicksTopic, int expected) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroSerde<Impression> impressionSerde = AvroSerde.impressions();
        AvroSerde<Click> clickSerde = AvroSerde.clicks();
        long impressions = 0;
        long clicks = 0;
        Set<String> impressionIds = new HashSet<>();
        Set<String> clickIds = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(impressionsTopic, clicksTopic));
            int idlePolls = 0;
            while (impressions + clicks < expected && idlePolls < 30) {
                var records = consumer.poll(Duration.ofMillis(500));
                idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.topic().equals(impressionsTopic)) {
                        Impression impression = impressionSerde.deserialize(record.value());
                        assertEquals(impression.getUserId(), record.key());
                        impressionIds.add(impression.getImpressionId());
                        impressions++;
                    } else {
                        Click click = clickSerde.deserialize(record.value());
                        assertEquals(click.getUserId(), record.key());
                        clickIds.add(click.getClickId());
                        clicks++;
                    }
                }
            }
            // nothing beyond the expected records: one more short poll must come back empty
            int extra = consumer.poll(Duration.ofMillis(500)).count();
            assertEquals(0, extra, "records beyond the replayed ones");
        }
        return new Consumed(impressions, clicks, impressionIds, clickIds);
    }

    private static Set<String> ids(List<String> ids) {
        return ids.stream().collect(Collectors.toSet());
    }
}

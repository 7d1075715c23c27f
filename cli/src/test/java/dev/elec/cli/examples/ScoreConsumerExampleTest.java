package dev.elec.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.Score;
import dev.elec.avro.UserAttributes;
import dev.elec.kafka.LocalKafka;
import dev.elec.schemas.AvroSerde;
import dev.elec.schemas.RecordDecodeException;
import dev.elec.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/consuming.md, run: the code between the {@code guide:} markers below is the code
 * the guide shows (a test checks the guide still holds it verbatim).
 */
class ScoreConsumerExampleTest {

    // guide:score-consumer:start
    /** Reads the scores topic: skips records it cannot decode and passes on the first score of each impression. */
    static final class ScoreConsumer implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final AvroSerde<Score> serde = AvroSerde.scores();
        // Scores are at-least-once: after a retry or a restore from a checkpoint an impression can be scored
        // again. Copies share the key (impression id), so they follow the first one on its partition: a
        // bounded memory of recent ids is enough to drop them.
        private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > 1_000_000;
            }
        });
        private long undecodable;
        private long duplicates;

        ScoreConsumer(String bootstrapServers, String groupId) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.SCORES));
        }

        /** One poll: hands the first score of each impression to {@code handler}. */
        void poll(Duration timeout, Consumer<Score> handler) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
                Score score;
                try {
                    score = serde.deserialize(record.value());
                } catch (RecordDecodeException e) {
                    // e.reason() says why: EMPTY, NOT_SINGLE_OBJECT, UNKNOWN_SCHEMA, TRUNCATED or CORRUPT
                    undecodable++;
                    continue;
                }
                if (seen.add(score.getImpressionId())) {
                    handler.accept(score);
                } else {
                    duplicates++;
                }
            }
        }

        long undecodable() {
            return undecodable;
        }

        long duplicates() {
            return duplicates;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
    // guide:score-consumer:end

    // guide:sample-files:start
    /** Every committed labeled sample under the job's samples.dir, in file order. */
    static List<LabeledSample> readSamples(Path samplesDir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samplesDir)) {
            // dt=YYYY-MM-DD/hour=HH/samples-<id>-<n>.avro; files still being written are hidden (".samples-...")
            files = walk.filter(p -> p.getFileName().toString().endsWith(".avro")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        List<LabeledSample> samples = new ArrayList<>();
        for (Path file : files) {
            try (DataFileReader<LabeledSample> reader =
                         new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(LabeledSample.class))) {
                reader.forEach(samples::add);
            }
        }
        return samples;
    }
    // guide:sample-files:end

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void theGuidesConsumerSkipsUndecodableRecordsAndKeepsTheFirstScoreOfEachImpression() {
        Score first = score("imp-1", 0.12, "prior", T0);
        Score rescored = score("imp-1", 0.34, "v2", T0.plusSeconds(40)); // the same impression after a restore
        Score second = score("imp-2", 0.05, "prior", T0.plusSeconds(1));
        Score third = score("imp-3", 0.51, "prior", T0.plusSeconds(2));
        AvroSerde<Score> serde = AvroSerde.scores();

        try (LocalKafka kafka = LocalKafka.start()) {
            kafka.createTopics(2, Topics.SCORES);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                for (Score s : List.of(first, second, rescored, third)) {
                    producer.send(new ProducerRecord<>(Topics.SCORES, s.getImpressionId(), serde.serialize(s)));
                }
                producer.send(new ProducerRecord<>(Topics.SCORES, "imp-9", new byte[] {1, 2, 3}));
                producer.flush();
            }

            Map<String, Score> received = new LinkedHashMap<>();
            try (ScoreConsumer scores = new ScoreConsumer(kafka.bootstrapServers(), "score-reader")) {
                for (int poll = 0; poll < 240 && received.size() + scores.duplicates() + scores.undecodable() < 5; poll++) {
                    scores.poll(Duration.ofMillis(250), s -> assertNull(received.put(s.getImpressionId(), s)));
                }
                assertEquals(1, scores.undecodable());
                assertEquals(1, scores.duplicates());
            }
            assertEquals(Set.of("imp-1", "imp-2", "imp-3"), received.keySet());
            assertEquals(first, received.get("imp-1"), "the first score of an impression is kept");
            assertEquals(second, received.get("imp-2"));
            assertEquals(third, received.get("imp-3"));
        }
    }

    @Test
    void theGuidesSampleReaderReadsCommittedHourlyFilesAndSkipsInProgressOnes(@TempDir Path samplesDir) throws IOException {
        LabeledSample a = sample("imp-1", T0, 1);
        LabeledSample b = sample("imp-2", T0.plusSeconds(3600), 0);
        writeAvro(samplesDir.resolve("dt=2026-11-28/hour=10/samples-0a1b-0.avro"), a);
        writeAvro(samplesDir.resolve("dt=2026-11-28/hour=11/samples-0a1b-1.avro"), b);
        writeAvro(samplesDir.resolve("dt=2026-11-28/hour=11/.samples-0a1b-2.avro.inprogress.77"), sample("imp-3", T0, 0));

        assertEquals(List.of(a, b), readSamples(samplesDir));
    }

    @Test
    void consumingGuideShowsTheCodeThisTestRuns() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("docs/consuming.md"))) {
            root = root.getParent();
            assertTrue(root != null, "no docs/consuming.md above the working directory");
        }
        String guide = Files.readString(root.resolve("docs/consuming.md"));
        String source = Files.readString(root.resolve("cli/src/test/java/dev/elec/cli/examples/ScoreConsumerExampleTest.java"));
        for (String block : List.of("score-consumer", "sample-files")) {
            Matcher m = Pattern.compile("// guide:" + block + ":start\n(.*?)\n\\s*// guide:" + block + ":end", Pattern.DOTALL)
                    .matcher(source);
            assertTrue(m.find(), "no guide block " + block);
            String code = m.group(1).lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                    .collect(Collectors.joining("\n"));
            assertTrue(guide.contains(code), "docs/consuming.md no longer shows the " + block + " code of this test:\n" + code);
        }
    }

    private static Score score(String impressionId, double pctr, String modelVersion, Instant scoredAt) {
        return Score.newBuilder().setImpressionId(impressionId).setUserId("u-" + impressionId).setItemId("i-7")
                .setPctr(pctr).setModelVersion(modelVersion).setScoredAt(scoredAt).setEventTime(T0).build();
    }

    private static LabeledSample sample(String impressionId, Instant eventTime, int label) {
        Impression impression = Impression.newBuilder().setImpressionId(impressionId).setRequestId("r-" + impressionId)
                .setEventTime(eventTime).setUserId("u-1").setItemId("i-7")
                .setUser(UserAttributes.newBuilder().build()).setItem(ItemAttributes.newBuilder().build()).build();
        return LabeledSample.newBuilder().setImpression(impression).setFeatureSpecVersion("test").setFeatureSpecHash("00")
                .setFeatureIds(List.of(1, 2, 3)).setFeatureValues(Map.of("user_id", "u-1")).setPctr(0.1)
                .setModelVersion("prior").setScoredAt(eventTime).setLabel(label).build();
    }

    private static void writeAvro(Path file, LabeledSample sample) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataFileWriter<LabeledSample> writer = new DataFileWriter<>(new SpecificDatumWriter<>(LabeledSample.class))) {
            writer.create(LabeledSample.getClassSchema(), file.toFile());
            writer.append(sample);
        }
    }
}

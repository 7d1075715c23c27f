package dev.elec.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.Score;
import dev.elec.job.config.JobConfig;
import dev.elec.job.scoring.BundleModelLoader;
import dev.elec.kafka.LocalKafka;
import dev.elec.replay.DatasetName;
import dev.elec.replay.Datasets;
import dev.elec.replay.EventLog;
import dev.elec.replay.KafkaReplayer;
import dev.elec.replay.SyntheticConfig;
import dev.elec.schemas.AvroSerde;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MiniCluster + in-process Kafka: a replayed synthetic stream (plus garbage records) through the
 * whole job, read back with read_committed.
 */
@Tag("slow")
class KafkaEndToEndTest {

    private static LocalKafka kafka;
    private static EventLog log;
    private static Map<String, Integer> expectedLabels;

    @BeforeAll
    static void startKafkaAndReplay() {
        kafka = LocalKafka.start();
        kafka.createTopics(2, "elec.impressions", "elec.clicks");
        log = Datasets.load(DatasetName.SYNTHETIC, Path.of("."), new SyntheticConfig(60, 120, 600, 11L));
        new KafkaReplayer().replay(log, kafka.bootstrapServers(), "elec.impressions", "elec.clicks", 0);
        KafkaJobFixture.sendRaw(kafka, "elec.impressions", List.of("not avro".getBytes(), new byte[0]));
        byte[] truncated = AvroSerde.clicks().serialize(log.clicks().get(0));
        KafkaJobFixture.sendRaw(kafka, "elec.clicks", List.of(Arrays.copyOf(truncated, truncated.length - 3),
                AvroSerde.impressions().serialize(log.impressions().get(0))));
        Set<String> clicked = log.clicks().stream().map(Click::getImpressionId).collect(Collectors.toSet());
        expectedLabels = new TreeMap<>();
        for (Impression imp : log.impressions()) {
            expectedLabels.put(imp.getImpressionId(), clicked.contains(imp.getImpressionId()) ? 1 : 0);
        }
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * As a deployment does: a transactional producer writing to a topic that the broker auto-creates
     * meanwhile can get a batch stuck in OutOfOrderSequenceException until the delivery timeout (2 min)
     * fails the sink and restarts the job.
     */
    private static void createOutputTopics(JobConfig config) {
        kafka.createTopics(2, config.scoresTopic(), config.samplesTopic(), config.deadLettersTopic());
    }

    private static Map<String, Integer> labels(List<LabeledSample> samples) {
        Map<String, Integer> labels = new TreeMap<>();
        for (LabeledSample s : samples) {
            labels.merge(s.getImpression().getImpressionId(), s.getLabel(), (a, b) -> {
                throw new AssertionError("duplicate sample for " + s.getImpression().getImpressionId());
            });
        }
        return labels;
    }

    @Test
    void oneSamplePerImpressionWithTheRightLabelAndBadRecordsInTheDeadLetters(@TempDir Path tmp) throws Exception {
        JobConfig config = KafkaJobFixture.config(kafka, "plain", tmp);
        createOutputTopics(config);
        RestartProbe.RESTARTED.set(false);
        ElecJob job = KafkaJobFixture.job(config, new BundleModelLoader(), false)
                .withScoredHook(scored -> scored.map(new RestartProbe(), TypeInformation.of(LabeledSample.class))
                        .uid("restart-probe").name("restart probe"));
        JobExecutionResult result = KafkaJobFixture.run(job, config);

        List<LabeledSample> samples = KafkaJobFixture.samples(kafka, config);
        assertEquals(expectedLabels, labels(samples));
        LabeledSample any = samples.get(0);
        assertEquals("prior", any.getModelVersion());
        assertTrue(any.getFeatureIds().size() > 10, "features as scored are logged");
        assertTrue(any.getFeatureValues().containsKey("user_imps_7d"));

        List<Score> scores = KafkaJobFixture.scores(kafka, config);
        assertEquals(expectedLabels.keySet(), scores.stream().map(Score::getImpressionId).collect(Collectors.toCollection(java.util.TreeSet::new)));

        // at-least-once: a replay (a restart from a checkpoint) may write a dead letter again; consumers
        // dedupe on the source position, so each bad record must be there exactly once after that
        Map<String, Set<String>> reasonsByPosition = KafkaJobFixture.deadLetters(kafka, config).stream()
                .collect(Collectors.groupingBy(d -> d.getSourceTopic() + "/" + d.getPartition() + "@" + d.getOffset(),
                        TreeMap::new, Collectors.mapping(d -> d.getSourceTopic() + ":" + d.getReason(), Collectors.toSet())));
        reasonsByPosition.forEach((position, reasons) -> assertEquals(1, reasons.size(),
                "copies of the dead letter for " + position + " disagree: " + reasons));
        Map<String, Long> reasons = reasonsByPosition.values().stream().map(r -> r.iterator().next())
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("elec.impressions:NOT_SINGLE_OBJECT", 1L, "elec.impressions:EMPTY", 1L,
                "elec.clicks:TRUNCATED", 1L, "elec.clicks:UNKNOWN_SCHEMA", 1L), reasons, "one dead letter per bad record");
        long counted = ((Number) result.getAccumulatorResult(JobCounter.DEAD_LETTERS)).longValue();
        if (RestartProbe.RESTARTED.get()) {
            // accumulators hold the last attempt only: the bad records decoded after the restored checkpoint
            assertTrue(counted <= 4, "dead letters counted by the last attempt: " + counted);
        } else {
            assertEquals(4L, counted);
        }
    }

    @Test
    void aFailureMidStreamRecoversWithNoLostAndNoDuplicatedSamples(@TempDir Path tmp) throws Exception {
        JobConfig config = KafkaJobFixture.config(kafka, "failure", tmp);
        createOutputTopics(config);
        FailOnceAfterCheckpoint.FAILED.set(false);
        ElecJob job = KafkaJobFixture.job(config, new BundleModelLoader(), false)
                .withScoredHook(scored -> scored.map(new FailOnceAfterCheckpoint(), TypeInformation.of(LabeledSample.class))
                        .uid("fail-once").name("fail once"));
        // unaligned: the barrier overtakes the records queued before the slowed operator, so a
        // checkpoint completes while most records are still to come
        KafkaJobFixture.run(job, config, Map.of("execution.checkpointing.unaligned.enabled", "true"));

        assertTrue(FailOnceAfterCheckpoint.FAILED.get(), "the failure was injected");
        List<LabeledSample> samples = KafkaJobFixture.samples(kafka, config);
        assertEquals(expectedLabels.size(), samples.size(), "no sample lost or duplicated");
        assertEquals(expectedLabels, labels(samples));
    }
}

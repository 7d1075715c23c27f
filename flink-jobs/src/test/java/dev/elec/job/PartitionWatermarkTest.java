package dev.elec.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.elec.avro.Click;
import dev.elec.avro.DeadLetter;
import dev.elec.avro.Impression;
import dev.elec.avro.LabeledSample;
import dev.elec.job.config.JobConfig;
import dev.elec.job.scoring.BundleModelLoader;
import dev.elec.kafka.LocalKafka;
import dev.elec.replay.DatasetName;
import dev.elec.replay.Datasets;
import dev.elec.replay.EventLog;
import dev.elec.replay.SyntheticConfig;
import dev.elec.schemas.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watermarks are tracked per Kafka partition: when one partition is read far ahead of another (a
 * consumer catching up, a producer that stalled), the lagging partition's impressions still wait for
 * their clicks, and no click becomes late or an orphan.
 */
@Tag("slow")
class PartitionWatermarkTest {

    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(180);

    @Test
    void aPartitionReadAheadOfAnotherMakesNoClickLate(@TempDir Path tmp) throws Exception {
        try (LocalKafka kafka = LocalKafka.start()) {
            // one reader for both partitions; no idleness: a partition with nothing to read holds event time back
            // (idleness would declare it quiet and let the other partition's time through: its trade-off)
            JobConfig config = KafkaJobFixture.config(kafka, "skew", tmp.resolve("checkpoints"))
                    .with(Map.of(JobConfig.PARALLELISM, "1", JobConfig.IDLENESS, "0s"));
            kafka.createTopics(2, config.impressionsTopic(), config.clicksTopic());
            kafka.createTopics(2, config.scoresTopic(), config.samplesTopic(), config.deadLettersTopic());
            EventLog log = Datasets.load(DatasetName.SYNTHETIC, tmp, new SyntheticConfig(60, 120, 800, 13L));
            Instant middle = log.impressions().get(log.impressions().size() / 2).getEventTime();
            Set<String> clicked = log.clicks().stream().map(Click::getImpressionId).collect(Collectors.toSet());
            Map<String, Integer> expected = new TreeMap<>();
            log.impressions().forEach(imp -> expected.put(imp.getImpressionId(), clicked.contains(imp.getImpressionId()) ? 1 : 0));

            Set<String> early = log.impressions().stream().filter(imp -> imp.getEventTime().isBefore(middle))
                    .map(Impression::getImpressionId).collect(Collectors.toSet());
            Set<String> late = new TreeSet<>(expected.keySet());
            late.removeAll(early);
            Impression last = log.impressions().get(log.impressions().size() - 1);
            Impression ahead = Impression.newBuilder(last).setImpressionId("ahead")
                    .setEventTime(last.getEventTime().plus(Duration.ofHours(2))).build();
            Click aheadClick = Click.newBuilder().setClickId("ahead-click").setImpressionId("ahead").setUserId(ahead.getUserId())
                    .setItemId(ahead.getItemId()).setEventTime(ahead.getEventTime()).build();
            expected.put("ahead", 1);

            JobClient client = KafkaJobFixture.job(config, new BundleModelLoader(), false, false)
                    .executeAsync(StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(),
                            ElecJob.flinkConfiguration(config, true)));
            try {
                // partition 0 runs ahead: the later half of event time, then the earlier half's impressions on
                // partition 1, then more time on partition 0 while the earlier half's clicks are still unread
                send(kafka, config.impressionsTopic(), 0, impressions(log, late));
                send(kafka, config.clicksTopic(), 0, clicks(log, late));
                KafkaJobFixture.awaitScored(kafka, config, late, PHASE_TIMEOUT);
                send(kafka, config.impressionsTopic(), 1, impressions(log, early));
                KafkaJobFixture.awaitScored(kafka, config, early, PHASE_TIMEOUT);
                send(kafka, config.impressionsTopic(), 0, List.of(ahead));
                send(kafka, config.clicksTopic(), 0, List.of(aheadClick));
                KafkaJobFixture.awaitScored(kafka, config, Set.of("ahead"), PHASE_TIMEOUT);
                // a reader tracking one watermark for both partitions would now fire the earlier windows
                Thread.sleep(2_000);
                send(kafka, config.clicksTopic(), 1, clicks(log, early));
                KafkaJobFixture.sendWatermarkFlush(kafka, config, log);
                List<LabeledSample> samples = KafkaJobFixture.awaitSamples(kafka, config, expected.keySet(), PHASE_TIMEOUT);

                Map<String, Integer> labels = new TreeMap<>();
                samples.stream().filter(s -> expected.containsKey(s.getImpression().getImpressionId()))
                        .forEach(s -> labels.merge(s.getImpression().getImpressionId(), s.getLabel(), (a, b) -> {
                            throw new AssertionError("duplicate sample for " + s.getImpression().getImpressionId());
                        }));
                assertEquals(expected, labels, "every click of the lagging partition attributed");
                assertEquals(List.of(), KafkaJobFixture.deadLetters(kafka, config).stream().map(DeadLetter::getReason).toList(),
                        "no late or orphan click");
            } finally {
                client.cancel().get();
                KafkaJobFixture.deleteRocksDbDir(config);
            }
        }
    }

    private static List<Impression> impressions(EventLog log, Set<String> ids) {
        return log.impressions().stream().filter(imp -> ids.contains(imp.getImpressionId())).toList();
    }

    private static List<Click> clicks(EventLog log, Set<String> impressionIds) {
        return log.clicks().stream().filter(click -> impressionIds.contains(click.getImpressionId())).toList();
    }

    private static void send(LocalKafka kafka, String topic, int partition, List<? extends SpecificRecord> events) {
        List<byte[]> values = new ArrayList<>();
        for (SpecificRecord event : events) {
            values.add(event instanceof Impression imp ? AvroSerde.impressions().serialize(imp) : AvroSerde.clicks().serialize((Click) event));
        }
        KafkaJobFixture.send(kafka, topic, partition, values);
    }
}

package dev.elec.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elec.avro.Click;
import dev.elec.avro.LabeledSample;
import dev.elec.job.config.JobConfig;
import dev.elec.job.sink.EventHourBucketAssigner;
import dev.elec.replay.DatasetName;
import dev.elec.replay.Datasets;
import dev.elec.replay.EventLog;
import dev.elec.replay.SyntheticConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backfill over a small synthetic log, on RocksDB as the live job runs. */
class BackfillTest {

    @Test
    void everyImpressionYieldsOneLabeledSampleInItsEventHourFile(@TempDir Path tmp) throws Exception {
        EventLog log = Datasets.load(DatasetName.SYNTHETIC, tmp, new SyntheticConfig(50, 100, 800, 3L));
        Path out = tmp.resolve("out");
        BackfillSummary summary = Backfill.run(log, out, JobConfig.defaults().with(JobConfig.PARALLELISM, "2"));

        Set<String> clicked = log.clicks().stream().map(Click::getImpressionId).collect(Collectors.toSet());
        assertEquals(new BackfillSummary(log.impressions().size(), log.clicks().size(), log.impressions().size(),
                clicked.size(), 0, 0, 0, log.clicks().size() - clicked.size()), summary);
        assertTrue(summary.toJson().startsWith("{\"impressions\":" + log.impressions().size() + ",\"clicks\":"));

        List<LabeledSample> samples = SampleFiles.read(out);
        Map<String, Integer> labels = samples.stream()
                .collect(Collectors.toMap(s -> s.getImpression().getImpressionId(), LabeledSample::getLabel));
        assertEquals(log.impressions().size(), samples.size());
        labels.forEach((id, label) -> assertEquals(clicked.contains(id) ? 1 : 0, label, id));
        LabeledSample first = samples.get(0);
        assertTrue(Files.isDirectory(out.resolve(EventHourBucketAssigner.bucketOf(first))), "partitioned by event hour");
        assertEquals(first.getFeatureIds().size(), dev.elec.model.feature.FeatureSpec.defaults().numSlots());
    }
}

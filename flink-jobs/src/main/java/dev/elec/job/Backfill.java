package dev.elec.job;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.job.config.JobConfig;
import dev.elec.job.decode.RecordDecoder;
import dev.elec.job.scoring.BundleModelLoader;
import dev.elec.job.scoring.RegistryModels;
import dev.elec.job.sink.Sinks;
import dev.elec.job.source.RecordFile;
import dev.elec.job.source.RecordFileSource;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.replay.DatasetName;
import dev.elec.replay.Datasets;
import dev.elec.replay.EventLog;
import dev.elec.replay.SyntheticConfig;
import dev.elec.schemas.AvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the streaming job's operators over a dataset as a bounded stream: the events are encoded as
 * they would be on the topics, decoded by the same decoder, and the labeled samples are written as
 * Avro files under {@code outDir} (partitioned by event hour). The final watermark closes every
 * attribution window, so every impression yields exactly one sample. Scores come from the registry's
 * current model when {@code model.registry-dir} is set, else from the prior. Runs on a local MiniCluster.
 */
public final class Backfill {

    private Backfill() {}

    /**
     * The CLI entry: {@code dataset} is a {@link DatasetName#cliName()}; data is read from {@code dataDir}.
     * Keeps state on the heap (a bounded replay fits in memory and runs faster than on RocksDB).
     */
    public static BackfillSummary run(String dataset, Path dataDir, Path outDir) throws Exception {
        return run(dataset, dataDir, outDir, JobConfig.defaults().with(JobConfig.STATE_BACKEND, "hashmap"));
    }

    public static BackfillSummary run(String dataset, Path dataDir, Path outDir, JobConfig config) throws Exception {
        EventLog log = Datasets.load(DatasetName.parse(dataset), dataDir, SyntheticConfig.defaults());
        return run(log, outDir, config);
    }

    public static BackfillSummary run(EventLog log, Path outDir, JobConfig config) throws Exception {
        if (log.impressions().isEmpty() || log.clicks().isEmpty()) {
            // the bounded sources cannot be empty (Flink's sequence source needs at least one element)
            throw new IllegalArgumentException("backfill needs at least one impression and one click, got "
                    + log.impressions().size() + " impressions and " + log.clicks().size() + " clicks");
        }
        Files.createDirectories(outDir);
        Path work = Files.createTempDirectory("elec-backfill-");
        Path rocksDb = Path.of("/tmp", "elec-rdb-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            AvroSerde<Impression> impressions = AvroSerde.impressions();
            AvroSerde<Click> clicks = AvroSerde.clicks();
            Path impressionFile = work.resolve("impressions.bin");
            Path clickFile = work.resolve("clicks.bin");
            RecordFile.write(impressionFile, () -> log.impressions().stream().map(impressions::serialize).iterator());
            RecordFile.write(clickFile, () -> log.clicks().stream().map(clicks::serialize).iterator());

            // idleness off: a bounded replay has no quiet partitions, only ones that are read later
            JobConfig bounded = config.with(JobConfig.IDLENESS, "0s")
                    .with(JobConfig.ROCKSDB_LOCAL_DIR, rocksDb.toString())
                    .with(JobConfig.CHECKPOINT_DIR, work.resolve("checkpoints").toUri().toString());
            JobSources sources = new JobSources(
                    RecordFileSource.of(impressionFile, bounded.impressionsTopic(),
                            new RecordDecoder(RecordDecoder.Kind.IMPRESSIONS, bounded.maxFutureSkew()), log.impressions().size()),
                    RecordFileSource.of(clickFile, bounded.clicksTopic(),
                            new RecordDecoder(RecordDecoder.Kind.CLICKS, bounded.maxFutureSkew()), log.clicks().size()),
                    null);
            JobSinks sinks = new JobSinks(List.of(Sinks.samplesToFiles(outDir.toAbsolutePath().toUri().toString())), null, null);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                    ElecJob.flinkConfiguration(bounded, false));
            JobExecutionResult result = new ElecJob(bounded, FeatureSpec.defaults(), new BundleModelLoader(), sources, sinks)
                    .withInitialModel(RegistryModels.current(bounded.registryDir()).orElse(null))
                    .execute(env);
            return BackfillSummary.of(result);
        } finally {
            deleteRecursively(work);
            deleteRecursively(rocksDb);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package dev.elec.job;

import dev.elec.avro.ModelUpdate;
import dev.elec.job.config.JobConfig;
import dev.elec.job.decode.DecodedRecord;
import dev.elec.job.source.KafkaSources;
import org.apache.flink.api.connector.source.Source;

/**
 * The job's inputs, injected so that tests and the backfill swap them. The input sources decode
 * their records (see {@link DecodedRecord}). {@code modelUpdates} may be null: the prior (or a
 * restored model) then serves throughout.
 */
public record JobSources(Source<DecodedRecord, ?, ?> impressions, Source<DecodedRecord, ?, ?> clicks,
                         Source<ModelUpdate, ?, ?> modelUpdates) {

    /** The live inputs: the impression, click and model-update topics, unbounded. */
    public static JobSources kafka(JobConfig config) {
        return new JobSources(KafkaSources.impressions(config, false), KafkaSources.clicks(config, false),
                KafkaSources.modelUpdates(config));
    }
}

package dev.elec.job;

import dev.elec.avro.ModelUpdate;
import dev.elec.job.decode.RawRecord;
import org.apache.flink.api.connector.source.Source;

/**
 * The job's inputs, injected so that tests and the backfill swap them. {@code modelUpdates} may be
 * null: the prior (or a restored model) then serves throughout.
 */
public record JobSources(Source<RawRecord, ?, ?> impressions, Source<RawRecord, ?, ?> clicks,
                         Source<ModelUpdate, ?, ?> modelUpdates) {}

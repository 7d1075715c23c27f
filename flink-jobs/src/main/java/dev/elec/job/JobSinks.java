package dev.elec.job;

import dev.elec.avro.DeadLetter;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.Score;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * The job's outputs, injected so that tests and the backfill swap them. Every labeled sample goes to
 * each of {@code samples}; {@code scores} and {@code deadLetters} may be null (discarded).
 */
public record JobSinks(List<Sink<LabeledSample>> samples, Sink<Score> scores, Sink<DeadLetter> deadLetters) {

    public JobSinks {
        samples = List.copyOf(samples);
    }
}

package dev.elec.job.sink;

import dev.elec.avro.LabeledSample;
import dev.elec.avro.Score;
import org.apache.flink.api.common.functions.MapFunction;

/** The score record of a scored impression. */
public final class ToScore implements MapFunction<LabeledSample, Score> {

    private static final long serialVersionUID = 1L;

    @Override
    public Score map(LabeledSample s) {
        return Score.newBuilder()
                .setImpressionId(s.getImpression().getImpressionId())
                .setUserId(s.getImpression().getUserId())
                .setItemId(s.getImpression().getItemId())
                .setPctr(s.getPctr())
                .setModelVersion(s.getModelVersion())
                .setScoredAt(s.getScoredAt())
                .setEventTime(s.getImpression().getEventTime())
                .build();
    }
}

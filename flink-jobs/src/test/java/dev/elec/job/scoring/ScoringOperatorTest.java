package dev.elec.job.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elec.avro.LabeledSample;
import dev.elec.avro.ModelUpdate;
import dev.elec.job.TestEvents;
import dev.elec.job.features.EnrichedImpression;
import dev.elec.job.features.FeatureAssembler;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.scoring.Scorer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScoringOperatorTest {

    private static final FeatureSpec SPEC = FeatureSpec.defaults();

    /** Serves a constant pCTR per version: "v1" -> 0.25, "v2" -> 0.5; "broken" is rejected. */
    private static final ModelLoader LOADER = (update, spec) -> {
        if (update.getModelVersion().equals("broken")) {
            throw new IllegalStateException("bad bundle");
        }
        float p = update.getModelVersion().equals("v1") ? 0.25f : 0.5f;
        return new Scorer() {
            @Override
            public String modelVersion() {
                return update.getModelVersion();
            }

            @Override
            public float[] score(int[] ids, int rows) {
                float[] out = new float[rows];
                Arrays.fill(out, p);
                return out;
            }

            @Override
            public void close() {}
        };
    };

    private ScoringOperator operator;
    private TwoInputStreamOperatorTestHarness<EnrichedImpression, ModelUpdate, LabeledSample> h;

    private void open(int batchSize, OperatorSubtaskState restore) throws Exception {
        open(batchSize, restore, null);
    }

    private void open(int batchSize, OperatorSubtaskState restore, ModelUpdate initial) throws Exception {
        operator = new ScoringOperator(SPEC, batchSize, 50, LOADER, initial);
        h = new TwoInputStreamOperatorTestHarness<>(operator);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void impression(String id) throws Exception {
        var imp = TestEvents.impression(id, "u1", "m1", TestEvents.T0);
        h.processElement1(new StreamRecord<>(new EnrichedImpression(imp, FeatureAssembler.staticFeatures(imp)), 1000L));
    }

    private static ModelUpdate modelUpdate(String version) {
        return ModelUpdate.newBuilder().setModelVersion(version).setBundleUri("file:/nowhere/" + version)
                .setSha256("").setFeatureSpecHash(SPEC.hash()).setCreatedAt(Instant.EPOCH).build();
    }

    private void update(String version) throws Exception {
        h.processElement2(new StreamRecord<>(modelUpdate(version)));
        operator.awaitLoads();
    }

    private List<LabeledSample> out() {
        return h.extractOutputValues();
    }

    @Test
    void batchesFlushWhenFullOnTimeoutAndBeforeWatermarks() throws Exception {
        open(3, null);
        impression("a");
        impression("b");
        assertEquals(0, out().size(), "batch not full yet");
        impression("c");
        assertEquals(3, out().size(), "full batch flushed");
        impression("d");
        h.processBothWatermarks(new Watermark(2000));
        assertEquals(4, out().size(), "flushed before the watermark");
        assertEquals(new Watermark(2000), h.getOutput().stream().filter(Watermark.class::isInstance).findFirst().orElseThrow());
        impression("e");
        h.setProcessingTime(h.getProcessingTime() + 50);
        assertEquals(5, out().size(), "flushed by the batch timeout");
        LabeledSample s = out().get(0);
        assertEquals("prior", s.getModelVersion());
        assertEquals(SPEC.numSlots(), s.getFeatureIds().size());
        assertEquals(SPEC.hash(), s.getFeatureSpecHash());
        assertEquals(1000L, h.extractOutputStreamRecords().get(0).getTimestamp(), "event time kept");
    }

    @Test
    void newModelServesFromTheNextBatchAndARejectedOneChangesNothing() throws Exception {
        open(1, null);
        impression("a");
        update("v1");
        impression("b");
        update("broken");
        impression("c");
        List<String> versions = out().stream().map(LabeledSample::getModelVersion).toList();
        assertEquals(List.of("prior", "v1", "v1"), versions);
        assertEquals(0.25, out().get(2).getPctr(), 1e-6);
    }

    @Test
    void initialModelServesFromTheStartButACheckpointWins() throws Exception {
        open(1, null, modelUpdate("v1"));
        impression("a");
        assertEquals("v1", out().get(0).getModelVersion());
        update("v2");
        OperatorSubtaskState snapshot = h.snapshot(1, 1);
        h.close();
        open(1, snapshot, modelUpdate("v1"));
        impression("b");
        assertEquals("v2", out().get(0).getModelVersion());
    }

    @Test
    void updateWithAnotherFeatureSpecIsRejected() throws Exception {
        open(1, null);
        h.processElement2(new StreamRecord<>(ModelUpdate.newBuilder(modelUpdate("v1")).setFeatureSpecHash("other").build()));
        operator.awaitLoads();
        impression("a");
        assertEquals("prior", out().get(0).getModelVersion());
    }

    @Test
    void restoreServesTheModelOfTheCheckpoint() throws Exception {
        open(1, null);
        update("v2");
        impression("a");
        OperatorSubtaskState snapshot = h.snapshot(1, 1);
        h.close();
        open(1, snapshot);
        impression("b");
        assertEquals("v2", out().get(0).getModelVersion());
        assertTrue(out().get(0).getPctr() > 0.49);
    }
}

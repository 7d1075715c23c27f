package dev.elec.job.scoring;

import dev.elec.avro.LabeledSample;
import dev.elec.avro.ModelUpdate;
import dev.elec.job.features.EnrichedImpression;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.scoring.PriorScorer;
import dev.elec.model.scoring.Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores enriched impressions in micro-batches (up to {@code batchSize} records or
 * {@code batchTimeoutMillis} of processing time) with the current model, and emits each as an
 * unlabeled {@link LabeledSample}: features exactly as scored, pCTR, model version.
 *
 * <p>Input 2 is the broadcast stream of model updates. A new bundle is loaded and validated on a
 * background thread (context classloader set to the job's); the scorer is swapped at the next batch
 * boundary; a rejected bundle is counted and logged and the old model keeps serving. The served
 * update, and the latest one received, are kept in broadcast state, so a restore from a checkpoint
 * serves the same model (or the newer one whose update the checkpoint already consumed). With no
 * model, {@link PriorScorer} serves.
 *
 * <p>Buffered records are flushed before a watermark is forwarded and before a checkpoint barrier,
 * so batching never lets an impression fall behind the watermark nor escape a checkpoint. Watermarks
 * of the model-update input are ignored: a quiet update topic must not hold back event time.
 */
public final class ScoringOperator extends AbstractStreamOperator<LabeledSample>
        implements TwoInputStreamOperator<EnrichedImpression, ModelUpdate, LabeledSample> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ScoringOperator.class);

    static final MapStateDescriptor<String, ModelUpdate> SERVED_MODEL =
            new MapStateDescriptor<>("served-model", Types.STRING, TypeInformation.of(ModelUpdate.class));
    private static final String SERVED_KEY = "current";
    /** The latest update received, loaded or not: its offset is in the checkpoint, so it is not re-read. */
    private static final String RECEIVED_KEY = "received";

    private final String featureSpecJson;
    private final int batchSize;
    private final long batchTimeoutMillis;
    private final ModelLoader loader;
    private final ModelUpdate initialModel;

    private transient FeatureSpec spec;
    private transient BroadcastState<String, ModelUpdate> served;
    private transient ModelUpdate restored;
    private transient ModelUpdate restoredReceived;
    private transient ModelUpdate lastReceived;
    private transient LoadedScorer current;
    private transient AtomicReference<LoadedScorer> next;
    private transient ExecutorService loaderThread;
    private transient List<EnrichedImpression> buffer;
    private transient long[] timestamps;
    private transient StreamRecord<LabeledSample> reuse;
    private transient boolean flushScheduled;
    private transient Counter swaps;
    private transient Counter rejected;
    private transient Counter scored;
    private transient Histogram batchLatencyMicros;

    public ScoringOperator(FeatureSpec spec, int batchSize, long batchTimeoutMillis, ModelLoader loader) {
        this(spec, batchSize, batchTimeoutMillis, loader, null);
    }

    /** {@code initialModel} (nullable) serves from the start when no checkpoint says otherwise. */
    public ScoringOperator(FeatureSpec spec, int batchSize, long batchTimeoutMillis, ModelLoader loader,
                           ModelUpdate initialModel) {
        this.initialModel = initialModel;
        this.featureSpecJson = spec.toJson();
        this.batchSize = batchSize;
        this.batchTimeoutMillis = batchTimeoutMillis;
        this.loader = loader;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        served = context.getOperatorStateStore().getBroadcastState(SERVED_MODEL);
        restored = served.get(SERVED_KEY);
        restoredReceived = served.get(RECEIVED_KEY);
    }

    @Override
    public void open() throws Exception {
        super.open();
        spec = FeatureSpec.fromJson(featureSpecJson);
        buffer = new ArrayList<>(batchSize);
        timestamps = new long[batchSize];
        reuse = new StreamRecord<>(null);
        next = new AtomicReference<>();
        swaps = getMetricGroup().counter("model_swaps");
        rejected = getMetricGroup().counter("models_rejected");
        scored = getMetricGroup().counter("scored");
        batchLatencyMicros = getMetricGroup().histogram("scoring_batch_latency_us", new DescriptiveStatisticsHistogram(1000));
        getMetricGroup().gauge("model_version", () -> current.scorer().modelVersion());
        getMetricGroup().gauge("pending_batch", () -> buffer.size());
        ClassLoader jobClassLoader = getClass().getClassLoader();
        loaderThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "elec-model-loader-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
            t.setDaemon(true);
            t.setContextClassLoader(jobClassLoader);
            return t;
        });
        current = new LoadedScorer(null, PriorScorer.defaults());
        Thread task = Thread.currentThread();
        ClassLoader taskClassLoader = task.getContextClassLoader();
        task.setContextClassLoader(jobClassLoader);
        try {
            // newest first: an update received before the checkpoint but not yet swapped in, the served one, the initial one
            for (ModelUpdate candidate : Arrays.asList(restoredReceived, restored, restored == null ? initialModel : null)) {
                LoadedScorer loaded = candidate == null ? null : tryLoad(candidate);
                if (loaded != null) {
                    current = loaded;
                    served.put(SERVED_KEY, candidate);
                    break;
                }
            }
        } finally {
            task.setContextClassLoader(taskClassLoader);
        }
    }

    @Override
    public void processElement1(StreamRecord<EnrichedImpression> element) throws Exception {
        // keep the value, not the record: an upstream chained operator may reuse its StreamRecord
        timestamps[buffer.size()] = element.getTimestamp();
        buffer.add(element.getValue());
        if (buffer.size() >= batchSize) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + batchTimeoutMillis, t -> {
                if (flushScheduled) {
                    flush();
                }
            });
        }
    }

    @Override
    public void processElement2(StreamRecord<ModelUpdate> element) {
        ModelUpdate update = element.getValue();
        lastReceived = update;
        loaderThread.submit(() -> {
            LoadedScorer loaded = tryLoad(update);
            if (loaded != null) {
                LoadedScorer superseded = next.getAndSet(loaded);
                if (superseded != null) {
                    superseded.scorer().close();
                }
            }
        });
    }

    /** Waits until the updates received so far are loaded or rejected (tests). */
    void awaitLoads() throws Exception {
        loaderThread.submit(() -> {}).get();
    }

    /** Loads and validates a bundle; null (counted, logged) when it is rejected. */
    private LoadedScorer tryLoad(ModelUpdate update) {
        try {
            if (!spec.hash().equals(update.getFeatureSpecHash())) {
                throw new IllegalArgumentException("feature spec hash " + update.getFeatureSpecHash()
                        + " differs from the job's " + spec.version() + " (" + spec.hash() + ")");
            }
            Scorer scorer = loader.load(update, spec);
            LOG.info("Loaded model {} from {}", update.getModelVersion(), update.getBundleUri());
            return new LoadedScorer(update, scorer);
        } catch (Exception | LinkageError e) {
            rejected.inc();
            LOG.warn("Rejected model {} from {}; still serving {}: {}", update.getModelVersion(), update.getBundleUri(),
                    current == null ? "prior" : current.scorer().modelVersion(), e.toString());
            return null;
        }
    }

    private void swapIfReady() throws Exception {
        LoadedScorer ready = next.getAndSet(null);
        if (ready == null) {
            return;
        }
        LoadedScorer old = current;
        current = ready;
        served.put(SERVED_KEY, ready.update());
        swaps.inc();
        LOG.info("Serving model {} (was {})", ready.scorer().modelVersion(), old.scorer().modelVersion());
        old.scorer().close();
    }

    private void flush() throws Exception {
        flushScheduled = false;
        swapIfReady();
        int rows = buffer.size();
        if (rows == 0) {
            return;
        }
        long start = System.nanoTime();
        int slots = spec.numSlots();
        int[] ids = new int[rows * slots];
        for (int i = 0; i < rows; i++) {
            spec.encodeInto(buffer.get(i).features, ids, i * slots);
        }
        Scorer scorer = current.scorer();
        float[] pctr = scorer.score(ids, rows);
        Instant scoredAt = Instant.ofEpochMilli(getProcessingTimeService().getCurrentProcessingTime());
        for (int i = 0; i < rows; i++) {
            EnrichedImpression e = buffer.get(i);
            List<Integer> row = new ArrayList<>(slots);
            for (int s = 0; s < slots; s++) {
                row.add(ids[i * slots + s]);
            }
            LabeledSample sample = LabeledSample.newBuilder()
                    .setImpression(e.impression)
                    .setFeatureSpecVersion(spec.version())
                    .setFeatureSpecHash(spec.hash())
                    .setFeatureIds(row)
                    .setFeatureValues(e.features)
                    .setPctr(pctr[i])
                    .setModelVersion(scorer.modelVersion())
                    .setScoredAt(scoredAt)
                    .setLabel(0)
                    .build();
            output.collect(reuse.replace(sample, timestamps[i]));
        }
        buffer.clear();
        scored.inc(rows);
        batchLatencyMicros.update((System.nanoTime() - start) / 1000);
    }

    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void processWatermark2(Watermark mark) {
        // model updates carry no event time for the impressions
    }

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int index) throws Exception {
        if (index == 0) {
            super.processWatermarkStatus(status);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        if (lastReceived != null) {
            served.put(RECEIVED_KEY, lastReceived);
        }
        super.snapshotState(context);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        if (loaderThread != null) {
            loaderThread.shutdownNow();
            loaderThread.awaitTermination(10, TimeUnit.SECONDS);
        }
        LoadedScorer pending = next == null ? null : next.getAndSet(null);
        if (pending != null) {
            pending.scorer().close();
        }
        if (current != null) {
            current.scorer().close();
        }
        super.close();
    }
}

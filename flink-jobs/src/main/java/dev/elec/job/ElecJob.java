package dev.elec.job;

import dev.elec.avro.Click;
import dev.elec.avro.DeadLetter;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.ModelUpdate;
import dev.elec.job.attribution.AttributionFunction;
import dev.elec.job.config.JobConfig;
import dev.elec.job.decode.DeadLetterRouter;
import dev.elec.job.decode.DecodedRecord;
import dev.elec.job.decode.JobEvent;
import dev.elec.job.decode.RecordDecoder;
import dev.elec.job.features.EnrichedImpression;
import dev.elec.job.features.ItemFeatureFunction;
import dev.elec.job.features.UserFeatureFunction;
import dev.elec.job.scoring.BundleModelLoader;
import dev.elec.job.scoring.ModelLoader;
import dev.elec.job.scoring.RegistryModels;
import dev.elec.job.scoring.ScoringOperator;
import dev.elec.job.sink.Sinks;
import dev.elec.job.sink.ToScore;
import dev.elec.job.sink.UnattributedClick;
import dev.elec.model.feature.FeatureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The streaming job: sources that decode and assign event-time watermarks per partition (bad records
 * to the dead-letter output) -> user features (keyed by user; clicks update them too) -> item features
 * (keyed by item) -> scoring (micro-batched, model updates broadcast) -> scores, and attribution (keyed
 * by impression, with the clicks) -> labeled samples. Sources and sinks are injected ({@link JobSources}, {@link JobSinks});
 * {@link #live(JobConfig)} wires the Kafka ones. Every operator has a stable uid.
 */
public final class ElecJob {

    public static final String JOB_NAME = "elec-ctr";

    private final JobConfig config;
    private final FeatureSpec spec;
    private final ModelLoader loader;
    private final JobSources sources;
    private final JobSinks sinks;
    private UnaryOperator<DataStream<LabeledSample>> scoredHook = UnaryOperator.identity();
    private ModelUpdate initialModel;

    public ElecJob(JobConfig config, FeatureSpec spec, ModelLoader loader, JobSources sources, JobSinks sinks) {
        this.config = config;
        this.spec = spec;
        this.loader = loader;
        this.sources = sources;
        this.sinks = sinks;
    }

    /** Applies {@code hook} to the scored stream before attribution (tests inject failures there). */
    public ElecJob withScoredHook(UnaryOperator<DataStream<LabeledSample>> hook) {
        this.scoredHook = hook;
        return this;
    }

    /** The model served from the start when no checkpoint is restored (else the prior serves until an update). */
    public ElecJob withInitialModel(ModelUpdate update) {
        this.initialModel = update;
        return this;
    }

    /** The live job: Kafka in, Kafka (and files, when {@code samples.dir} is set) out. Blocks until the job ends. */
    public static JobExecutionResult run(JobConfig config) throws Exception {
        return live(config).execute(StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config, true)));
    }

    /**
     * The live job's pipeline: Kafka in, Kafka (and files, when {@code samples.dir} is set) out, serving the
     * registry's current model (when {@code model.registry-dir} is set) until a model update arrives.
     */
    public static ElecJob live(JobConfig config) {
        List<Sink<LabeledSample>> samples = new ArrayList<>();
        samples.add(Sinks.samplesToKafka(config));
        if (!config.samplesDir().isBlank()) {
            samples.add(Sinks.samplesToFiles(config.samplesDir()));
        }
        JobSinks sinks = new JobSinks(samples, Sinks.scoresToKafka(config), Sinks.deadLettersToKafka(config));
        return new ElecJob(config, FeatureSpec.defaults(), new BundleModelLoader(), JobSources.kafka(config), sinks)
                .withInitialModel(RegistryModels.current(config.registryDir()).orElse(null));
    }

    /**
     * Flink settings from the job config: state backend, checkpoints (exactly-once, at the configured
     * interval and directory) when {@code checkpointing}, parallelism.
     */
    public static Configuration flinkConfiguration(JobConfig config, boolean checkpointing) {
        Configuration c = new Configuration();
        c.setString("state.backend.type", config.stateBackend());
        c.setString("execution.checkpointing.dir", config.checkpointDir());
        if (!config.rocksDbLocalDir().isBlank()) {
            c.setString("state.backend.rocksdb.localdir", config.rocksDbLocalDir());
        }
        c.setString("execution.checkpointing.incremental", "true");
        if (checkpointing) {
            c.setString("execution.checkpointing.interval", config.checkpointInterval().toMillis() + " ms");
            c.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
        }
        c.setString("parallelism.default", Integer.toString(config.parallelism()));
        c.setString("pipeline.generic-types", "false");
        // no function keeps a reference to an input record after handling it
        c.setString("pipeline.object-reuse", "true");
        c.setString("classloader.parent-first-patterns.additional", "ai.djl.");
        return c;
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        wire(env);
        return env.execute(JOB_NAME);
    }

    /** Submits the job and returns at once (tests and embedders stop it through the client). */
    public JobClient executeAsync(StreamExecutionEnvironment env) throws Exception {
        wire(env);
        return env.executeAsync(JOB_NAME);
    }

    /** Adds the pipeline to {@code env}. */
    public void wire(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<JobEvent> impressions = read(env, sources.impressions(), RecordDecoder.Kind.IMPRESSIONS);
        SingleOutputStreamOperator<JobEvent> clicks = read(env, sources.clicks(), RecordDecoder.Kind.CLICKS);
        DataStream<DeadLetter> deadLetters = impressions.getSideOutput(DeadLetterRouter.DEAD_LETTERS)
                .union(clicks.getSideOutput(DeadLetterRouter.DEAD_LETTERS));

        SingleOutputStreamOperator<JobEvent> userFeatures = impressions.union(clicks)
                .keyBy(JobEvent::userId, Types.STRING)
                .process(new UserFeatureFunction(config.stateTtl()), TypeInformation.of(JobEvent.class))
                .uid("user-features").name("user features");
        SingleOutputStreamOperator<EnrichedImpression> enriched = userFeatures
                .keyBy(JobEvent::itemId, Types.STRING)
                .process(new ItemFeatureFunction(config.stateTtl()), TypeInformation.of(EnrichedImpression.class))
                .uid("item-features").name("item features");
        DataStream<Click> attributableClicks = enriched.getSideOutput(ItemFeatureFunction.CLICKS);

        SingleOutputStreamOperator<LabeledSample> scored = enriched
                .connect(modelUpdates(env, impressions).broadcast())
                .transform("score", TypeInformation.of(LabeledSample.class),
                        new ScoringOperator(spec, config.batchSize(), config.batchTimeout().toMillis(), loader, initialModel))
                .uid("score");
        if (sinks.scores() != null) {
            scored.map(new ToScore()).uid("to-score").name("to score").sinkTo(sinks.scores()).uid("scores-sink").name("scores sink");
        }

        SingleOutputStreamOperator<LabeledSample> samples = scoredHook.apply(scored)
                .connect(attributableClicks)
                .keyBy(s -> s.getImpression().getImpressionId(), Click::getImpressionId, Types.STRING)
                .process(new AttributionFunction(config.attributionWindow()), TypeInformation.of(LabeledSample.class))
                .uid("attribution").name("attribution");
        int i = 0;
        for (Sink<LabeledSample> sink : sinks.samples()) {
            samples.sinkTo(sink).uid("samples-sink-" + i).name("samples sink " + i);
            i++;
        }

        if (sinks.deadLetters() != null) {
            deadLetters
                    .union(samples.getSideOutput(AttributionFunction.ORPHAN_CLICKS)
                                    .map(new UnattributedClick(config.clicksTopic(), "ORPHAN_CLICK")).uid("orphan-clicks").name("orphan clicks"),
                            samples.getSideOutput(AttributionFunction.LATE_CLICKS)
                                    .map(new UnattributedClick(config.clicksTopic(), "LATE_CLICK")).uid("late-clicks").name("late clicks"))
                    .sinkTo(sinks.deadLetters()).uid("dead-letters-sink").name("dead letters sink");
        }
    }

    /**
     * Reads an input with event-time watermarks assigned in the source, which tracks them per Kafka partition
     * (a partition that runs ahead does not make another one's events late), then routes the dead letters.
     */
    private SingleOutputStreamOperator<JobEvent> read(StreamExecutionEnvironment env, Source<DecodedRecord, ?, ?> source,
                                                      RecordDecoder.Kind kind) {
        WatermarkStrategy<DecodedRecord> watermarks = WatermarkStrategy.<DecodedRecord>forBoundedOutOfOrderness(config.outOfOrderness())
                .withTimestampAssigner((record, kafkaTimestamp) -> record.eventTimeMillis());
        if (!config.idleness().isZero()) {
            watermarks = watermarks.withIdleness(config.idleness());
        }
        String name = kind.name().toLowerCase();
        return env.fromSource(source, watermarks, name + " source")
                .uid(name + "-source")
                .process(new DeadLetterRouter(kind), TypeInformation.of(JobEvent.class))
                .uid("dead-letters-" + name).name("route " + name + " dead letters");
    }

    private DataStream<ModelUpdate> modelUpdates(StreamExecutionEnvironment env, DataStream<JobEvent> impressions) {
        if (sources.modelUpdates() != null) {
            return env.fromSource(sources.modelUpdates(), WatermarkStrategy.noWatermarks(), "model updates source")
                    .uid("model-updates-source").setParallelism(1);
        }
        // no update source: an empty stream, derived from an input so that it ends when the input ends
        return impressions.flatMap(new NoModelUpdates()).uid("no-model-updates").name("no model updates");
    }

    private static final class NoModelUpdates implements FlatMapFunction<JobEvent, ModelUpdate>, ResultTypeQueryable<ModelUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(JobEvent value, Collector<ModelUpdate> out) {}

        @Override
        public TypeInformation<ModelUpdate> getProducedType() {
            return TypeInformation.of(ModelUpdate.class);
        }
    }

}

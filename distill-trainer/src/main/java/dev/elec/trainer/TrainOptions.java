package dev.elec.trainer;

import dev.elec.model.net.Backbone;
import dev.elec.schemas.Topics;
import dev.elec.trainer.distill.TeacherMode;
import dev.elec.trainer.text.TextMode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything {@code bin/elec train} can set; defaults are the values chosen on validation splits. Only
 * {@link #samples} and {@link #report} are required. The CLI maps one flag to each field (shown in brackets).
 */
public final class TrainOptions {
    // input and split
    /** [--samples DIR] labeled-sample Avro files (searched recursively: *.avro, part-*). */
    public Path samples;
    /** [--from, --to] keep samples with event time in [from, to); null: unbounded. */
    public Instant from;
    public Instant to;
    /** [--validation-from, --test-from] explicit split cutoffs; null: split by the fractions below. */
    public Instant validationFrom;
    public Instant testFrom;
    /** [--train-fraction, --validation-fraction] of rows in event-time order (the test split takes the rest). */
    public double trainFraction = 0.8;
    public double validationFraction = 0.1;
    /** [--feature-spec FILE] the FeatureSpec JSON the samples were encoded with; null: FeatureSpec.defaults(). */
    public Path featureSpec;

    // outputs
    /** [--report FILE] JSON report; the PNG charts and (unless --bundle) the bundle go beside it. */
    public Path report;
    /** [--bundle DIR] where to write the distilled vanilla network's bundle; null: {@code <report>-bundle}. */
    public Path bundle;
    /** [--charts/--no-charts] */
    public boolean charts = true;
    /** [--progress/--no-progress] progress bar while encoding texts. */
    public boolean progress = true;

    // LLM and text
    /** [--llm DIR] a directory with model.onnx (or model.pt) + tokenizer.json; null: the bundled all-MiniLM-L6-v2. */
    public Path llm;
    /** [--llm-format auto|onnx|torchscript] how to run --llm (auto: by the file present). */
    public String llmFormat = "auto";
    /** [--text-mode row|segment] */
    public TextMode textMode = TextMode.SEGMENT;
    /**
     * [--text-exclude KEY,...] raw value keys kept out of the text. On movielens-100k, user attributes let Stage 1
     * memorise users (age + gender + occupation nearly identify one): {@code user_gender,user_age,user_occupation}.
     */
    public Set<String> textExclude = Set.of();
    /**
     * [--no-text] the control run: every text field is left out, so Stage 1 and the gain network see no LLM vector
     * (zeros). What the students gain in such a run does not come from the LLM.
     */
    public boolean noText;
    /** [--cache-dir DIR] LLM vector cache and the unpacked bundled model. */
    public Path cacheDir = Path.of(System.getProperty("user.home"), ".cache", "elec", "trainer");

    // Stage 1
    /** [--head-hidden, --head-dim] transformation MLP widths; head-dim is the representation vector's size. */
    public int headHidden = 128;
    public int headDim = 64;
    /** [--head-lr, --head-epochs] */
    public float headLearningRate = 2e-3f;
    public int headEpochs = 4;

    // Stages 2 and 3
    /** [--backbone deepfm|dcnv2] */
    public Backbone backbone = Backbone.DEEPFM;
    /** [--embedding-dim] */
    public int embeddingDim = 16;
    /** [--mlp 256,128] hidden layer widths of both networks. */
    public int[] mlpUnits = {256, 128};
    /** [--cross-layers] DCNv2 only. */
    public int crossLayers = 2;
    /**
     * [--dropout] of the vanilla networks (baseline and students alike). 0 makes students that share initialisation
     * and batch order differ only by their loss, so the paired comparison carries no dropout noise.
     */
    public float dropout = 0.1f;
    /**
     * [--teacher-dropout] of the LLM side (Stage 1 head and gain network). The teacher is not one of the paired
     * students, so its regularisation can differ from theirs without favouring any student.
     */
    public float teacherDropout = 0.1f;
    /** [--alpha] weight of the score distillation term (chosen on movielens-100k validation AUC). */
    public float alpha = 0.2f;
    /** [--beta] weight of the representation distillation term (chosen on movielens-100k validation AUC). */
    public float beta = 3f;
    /**
     * [--kd-grid A:B,...] extra distilled students, one per (alpha, beta), trained in the same pass and reported as
     * {@code kd_a<A>_b<B>}: choose alpha and beta by their validation AUC.
     */
    public List<float[]> kdGrid = List.of();
    /**
     * [--teacher joint|frozen|finetune] students learn from the gain network as it trains, or from its best state;
     * finetune: from its best state, starting at the trained baseline's best weights.
     */
    public TeacherMode teacher = TeacherMode.JOINT;
    /** [--finetune-lr] Adam learning rate of the students from the baseline's point (--teacher finetune). */
    public float finetuneLearningRate = 3e-4f;
    /**
     * [--ema-decay D] every network (baseline, students, gain) is validated, early-stopped, tested and saved with an
     * exponential moving average of its weights, updated after each optimizer step; 0 turns averaging off.
     */
    public float emaDecay = 0f;
    /** [--lr] Adam learning rate. */
    public float learningRate = 1e-3f;
    /** [--epochs] maximum epochs (early stopping usually ends sooner). */
    public int epochs = 10;
    /** [--batch-size] */
    public int batchSize = 1024;
    /** [--validations-per-epoch] */
    public int validationsPerEpoch = 4;
    /** [--patience] validations without a better validation AUC before a network stops. */
    public int patience = 6;

    // runs
    /** [--seeds N] runs; seed i seeds every variant alike. */
    public int seeds = 5;
    /** [--seed S] the first seed. */
    public long firstSeed = 0;
    /** [--device auto|cpu|gpu] */
    public String device = "auto";
    /**
     * [--torch-threads N] PyTorch intra-op threads, applied if the engine has not started yet. 1 is fastest for
     * these small networks and avoids spin-waiting when the cores are shared; 0 keeps PyTorch's default.
     */
    public int torchThreads = 1;

    // publishing
    /** [--registry DIR] model registry root; required with --publish. */
    public Path registry;
    /** [--publish] publish the distilled vanilla network if it beats the serving model on the same test split. */
    public boolean publish;
    /** [--bootstrap-servers] Kafka; when set with --publish, a ModelUpdate goes to --topic. */
    public String bootstrapServers;
    /** [--topic] */
    public String topic = Topics.MODEL_UPDATES;
}

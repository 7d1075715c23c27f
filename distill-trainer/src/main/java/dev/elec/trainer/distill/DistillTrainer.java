package dev.elec.trainer.distill;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.net.NetworkConfig;
import dev.elec.trainer.data.TrainingData;
import dev.elec.trainer.eval.Metrics;
import dev.elec.trainer.fit.BatchOrder;
import dev.elec.trainer.fit.CurvePoint;
import dev.elec.trainer.fit.EarlyStopping;
import dev.elec.trainer.fit.Hyper;
import dev.elec.trainer.fit.Losses;
import dev.elec.trainer.fit.ParameterAverage;
import dev.elec.trainer.fit.ParameterSnapshot;
import dev.elec.trainer.llm.HeadResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages 2 and 3: the gain network (ids + the LLM representation) and the vanilla students (ids only), trained
 * with {@code BCE(gain) + sum over students of [BCE(vanilla) + alpha * L_score + beta * L_repr]}, the gain's outputs
 * under stop-gradient in the distillation terms. L_score: BCE of the vanilla logit against the gain's probability;
 * L_repr: MSE between last hidden layers. Each network keeps its own early stopping on validation AUC. With an EMA
 * decay, every network is validated, tested and saved with its averaged weights ({@link ParameterAverage}).
 * {@link TeacherMode} decides whether the students learn from the gain network as it trains or from its best state,
 * and whether they start from scratch or from the trained baseline.
 */
public final class DistillTrainer {
    private static final int EVAL_BATCH = 4096;

    private final FeatureSpec spec;
    private final NetworkConfig vanillaConfig;
    private final NetworkConfig teacherConfig;
    private final List<Student> students;
    private final Hyper hyper;
    private final Device device;
    private final TeacherMode mode;
    private final float emaDecay;
    private final float finetuneLearningRate;

    /**
     * {@code teacherConfig}: the gain network before its dense input is added (its dropout may differ);
     * {@code finetuneLearningRate}: the students' learning rate from the baseline's point ({@link TeacherMode#FINETUNE}).
     */
    public DistillTrainer(FeatureSpec spec, NetworkConfig vanillaConfig, NetworkConfig teacherConfig,
                          List<Student> students, Hyper hyper, Device device, TeacherMode mode, float emaDecay,
                          float finetuneLearningRate) {
        this.spec = spec;
        this.vanillaConfig = vanillaConfig;
        this.teacherConfig = teacherConfig;
        this.students = List.copyOf(students);
        this.hyper = hyper;
        this.device = device;
        this.mode = mode;
        this.emaDecay = emaDecay;
        this.finetuneLearningRate = finetuneLearningRate;
    }

    /** A fixed teacher's outputs for every row: logits [rows] and hidden [rows, H]. */
    private record Teacher(float[] logits, float[] hidden, int width) {
    }

    /**
     * Where fine-tuned students start: the baseline's parameters at its best validation, the curve that led there
     * and that point's position in epochs.
     */
    private record Start(byte[] parameters, List<CurvePoint> curveBefore, double at) {
        /**
         * The curve goes on past the best point while other networks of the pass train, and may rise again after
         * early stopping gave up; the start is the first point at the AUC that early stopping kept.
         */
        static Start atBest(List<CurvePoint> curve, double bestAuc, byte[] parameters) {
            int best = 0;
            while (curve.get(best).validationAuc() != bestAuc) {
                best++;
            }
            return new Start(parameters, List.copyOf(curve.subList(0, best)), curve.get(best).epoch());
        }
    }

    /** What one training pass kept at each network's best validation point. */
    private static final class Best {
        final Map<String, float[]> test = new LinkedHashMap<>();
        final Map<String, Double> validation = new LinkedHashMap<>();
        final Map<String, List<CurvePoint>> curves = new LinkedHashMap<>();
        final Map<String, byte[]> parameters = new LinkedHashMap<>();
    }

    public SeedRun train(TrainingData data, HeadResult head, long seed) {
        long start = System.nanoTime();
        Best best = new Best();
        switch (mode) {
            case JOINT -> pass(data, head, seed, true, students, null, null, best, false);
            case FROZEN -> {
                Teacher teacher = pass(data, head, seed, true, List.of(), null, null, best, true);
                pass(data, head, seed, false, students, teacher, null, best, false);
            }
            case FINETUNE -> {
                Student baseline = students.stream().filter(s -> s.name().equals(Variant.VANILLA_BASELINE))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("fine-tuning needs the baseline"));
                Teacher teacher = pass(data, head, seed, true, List.of(baseline), null, null, best, true);
                Start fromBaseline = Start.atBest(best.curves.get(baseline.name()),
                        best.validation.get(baseline.name()), best.parameters.get(baseline.name()));
                pass(data, head, seed, false, students, teacher, fromBaseline, best, false);
            }
        }
        return new SeedRun(seed, best.test, best.validation, best.curves, best.parameters,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Trains the gain network (if {@code withGain}) and {@code trainees} in one loop; the students learn from the
     * live gain network, or from {@code teacher} when given, and start from {@code start} when given (at the
     * fine-tuning learning rate). Returns the gain's outputs at its best point when {@code keepTeacher}.
     */
    private Teacher pass(TrainingData data, HeadResult head, long seed, boolean withGain, List<Student> trainees,
                         Teacher teacher, Start start, Best best, boolean keepTeacher) {
        NetworkConfig gainConfig = teacherConfig.withDenseInput(head.representationDim());
        List<Block> studentBlocks = new ArrayList<>();
        for (int i = 0; i < trainees.size(); i++) {
            studentBlocks.add(CtrNetworks.build(vanillaConfig, spec));
        }
        JointBlock joint = new JointBlock(withGain ? CtrNetworks.build(gainConfig, spec) : null, studentBlocks, seed);
        try (Model model = Model.newInstance("elec-networks", device, "PyTorch")) {
            model.setBlock(joint);
            if (start != null) {
                // before the trainer initialises the block: loaded parameters are kept and get their gradients then
                for (int i = 0; i < trainees.size(); i++) {
                    ParameterSnapshot.restore(start.parameters(), joint.student(i), model.getNDManager());
                }
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optDevices(new Device[]{device})
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(
                            start == null ? hyper.learningRate() : finetuneLearningRate)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                Shape[] shapes = CtrNetworks.inputShapes(gainConfig, spec, hyper.batchSize());
                trainer.initialize(withGain ? shapes : new Shape[]{shapes[0]});
                ParameterAverage average = new ParameterAverage(joint, emaDecay, trainer.getManager());
                Loop loop = new Loop(trainer, joint, average, data, head, withGain, trainees, teacher, start);
                byte[] gainBest = loop.run(seed, best);
                if (!keepTeacher) {
                    return null;
                }
                ParameterSnapshot.restore(gainBest, joint.gain(), trainer.getManager());
                return loop.teacherOutputs();
            }
        }
    }

    private final class Loop {
        private final Trainer trainer;
        private final JointBlock joint;
        private final ParameterAverage average;
        private final TrainingData data;
        private final HeadResult head;
        private final boolean withGain;
        private final List<Student> trainees;
        private final Teacher teacher;
        private final Start start;
        private final List<String> names = new ArrayList<>();

        Loop(Trainer trainer, JointBlock joint, ParameterAverage average, TrainingData data, HeadResult head,
             boolean withGain, List<Student> trainees, Teacher teacher, Start start) {
            this.trainer = trainer;
            this.joint = joint;
            this.average = average;
            this.data = data;
            this.head = head;
            this.withGain = withGain;
            this.trainees = trainees;
            this.teacher = teacher;
            this.start = start;
            if (withGain) {
                names.add(Variant.GAIN);
            }
            trainees.forEach(s -> names.add(s.name()));
        }

        /** Trains until every network has run out of patience; returns the gain's best parameters (or null). */
        byte[] run(long seed, Best best) {
            int[] train = data.train();
            float[] validationLabels = data.gatherLabels(data.validation());
            Map<String, EarlyStopping> stopping = new LinkedHashMap<>();
            names.forEach(name -> {
                stopping.put(name, new EarlyStopping(hyper.patience()));
                best.curves.put(name, new ArrayList<>(start == null ? List.of() : start.curveBefore()));
            });
            double startAt = start == null ? 0 : start.at();
            byte[] gainBest = start == null ? null
                    : average.evaluate(() -> validate(startAt, validationLabels, stopping, best));
            BatchOrder order = new BatchOrder(train.length, hyper.batchSize(), seed);
            for (int epoch = 0; epoch < hyper.maxEpochs() && !allExhausted(stopping); epoch++) {
                List<int[]> batches = order.nextEpoch();
                for (int step = 0; step < batches.size() && !allExhausted(stopping); step++) {
                    step(remap(batches.get(step), train));
                    if (!BatchOrder.validateAfter(step, batches.size(), hyper.validationsPerEpoch())) {
                        continue;
                    }
                    double at = startAt + epoch + (step + 1.0) / batches.size();
                    byte[] gainSnapshot = average.evaluate(() -> validate(at, validationLabels, stopping, best));
                    gainBest = gainSnapshot != null ? gainSnapshot : gainBest;
                }
            }
            return gainBest;
        }

        /**
         * Validates every network, keeps the test logits and parameters of each one at a new best; returns the gain's
         * parameters if it reached a new best (else null).
         */
        private byte[] validate(double at, float[] validationLabels, Map<String, EarlyStopping> stopping, Best best) {
            List<float[]> validationLogits = predict(data.validation()).logits();
            List<float[]> testLogits = null;
            byte[] gainBest = null;
            for (int n = 0; n < names.size(); n++) {
                String name = names.get(n);
                double auc = Metrics.auc(validationLogits.get(n), validationLabels);
                best.curves.get(name).add(new CurvePoint(at, auc));
                if (stopping.get(name).exhausted() || !stopping.get(name).record(auc)) {
                    continue;
                }
                testLogits = testLogits != null ? testLogits : predict(data.test()).logits();
                best.test.put(name, testLogits.get(n));
                best.validation.put(name, auc);
                Block network = withGain && n == 0 ? joint.gain() : joint.student(n - (withGain ? 1 : 0));
                byte[] parameters = ParameterSnapshot.of(network).bytes();
                if (withGain && n == 0) {
                    gainBest = parameters;
                } else {
                    best.parameters.put(name, parameters);
                }
            }
            return gainBest;
        }

        private void step(int[] rows) {
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDList inputs = inputs(batch, rows);
                NDArray labels = batch.create(data.gatherLabels(rows));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList out = trainer.forward(inputs);
                    collector.backward(loss(out, labels, batch, rows));
                }
                trainer.step();
            }
            average.update();
        }

        private NDArray loss(NDList out, NDArray labels, NDManager batch, int[] rows) {
            NDArray total = null;
            NDArray teacherProbability = null;
            NDArray teacherHidden = null;
            int first = 0;
            if (withGain) {
                total = Losses.bceWithLogits(out.get(0), labels);
                teacherProbability = Activation.sigmoid(out.get(0).stopGradient());
                teacherHidden = out.get(1).stopGradient();
                first = 2;
            }
            if (teacher != null) {
                teacherProbability = Activation.sigmoid(batch.create(gather(teacher.logits(), rows, 1)));
                teacherHidden = batch.create(gather(teacher.hidden(), rows, teacher.width()),
                        new Shape(rows.length, teacher.width()));
            }
            for (int s = 0; s < trainees.size(); s++) {
                Student student = trainees.get(s);
                NDArray logit = out.get(first + 2 * s);
                NDArray hidden = out.get(first + 2 * s + 1);
                NDArray term = Losses.bceWithLogits(logit, labels);
                if (student.alpha() > 0) {
                    term = term.add(Losses.bceWithLogits(logit, teacherProbability).mul(student.alpha()));
                }
                if (student.beta() > 0) {
                    term = term.add(Losses.mse(hidden, teacherHidden).mul(student.beta()));
                }
                total = total == null ? term : total.add(term);
            }
            return total;
        }

        private NDList inputs(NDManager manager, int[] rows) {
            NDArray ids = manager.create(data.gatherIds(rows), new Shape(rows.length, data.slots()));
            if (!withGain) {
                return new NDList(ids);
            }
            NDArray dense = manager.create(head.gather(rows), new Shape(rows.length, head.representationDim()));
            return new NDList(ids, dense);
        }

        /** Logits of every network (in {@link #names} order) and the first network's hidden layer, for {@code rows}. */
        private Outputs predict(int[] rows) {
            List<float[]> logits = new ArrayList<>();
            names.forEach(n -> logits.add(new float[rows.length]));
            int width = vanillaConfig.hiddenSize();
            float[] hidden = new float[rows.length * width];
            for (int[] positions : BatchOrder.inOrder(rows.length, EVAL_BATCH)) {
                int[] batchRows = remap(positions, rows);
                try (NDManager batch = trainer.getManager().newSubManager()) {
                    // a fresh store reads the parameters' current arrays, also after a snapshot was restored
                    NDList result = joint.forward(new ParameterStore(batch, false), inputs(batch, batchRows), false);
                    for (int n = 0; n < names.size(); n++) {
                        float[] batchLogits = result.get(2 * n).toFloatArray();
                        System.arraycopy(batchLogits, 0, logits.get(n), positions[0], batchLogits.length);
                    }
                    float[] batchHidden = result.get(1).toFloatArray();
                    System.arraycopy(batchHidden, 0, hidden, positions[0] * width, batchHidden.length);
                }
            }
            return new Outputs(logits, hidden);
        }

        /** The gain network's outputs for every row (call after restoring its best parameters). */
        Teacher teacherOutputs() {
            int[] all = new int[data.rows()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            Outputs outputs = predict(all);
            return new Teacher(outputs.logits().get(0), outputs.hidden(), vanillaConfig.hiddenSize());
        }
    }

    private record Outputs(List<float[]> logits, float[] hidden) {
    }

    private static boolean allExhausted(Map<String, EarlyStopping> stopping) {
        return stopping.values().stream().allMatch(EarlyStopping::exhausted);
    }

    private static float[] gather(float[] values, int[] rows, int width) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    private static int[] remap(int[] positions, int[] rows) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[positions[i]];
        }
        return out;
    }
}

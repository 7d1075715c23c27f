package dev.elec.trainer.distill;

import ai.djl.Device;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.Backbone;
import dev.elec.model.net.NetworkConfig;
import dev.elec.trainer.SyntheticSamples;
import dev.elec.trainer.data.SampleReader;
import dev.elec.trainer.data.TimeSplit;
import dev.elec.trainer.data.TrainingData;
import dev.elec.trainer.fit.CurvePoint;
import dev.elec.trainer.fit.Hyper;
import dev.elec.trainer.llm.HeadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TeacherMode#FINETUNE} on the real PyTorch engine: every student starts at the baseline's best point. */
class FinetuneFromBaselineTest {
    @TempDir
    Path dir;

    @Test
    void studentsStartAtTheBaselinesBestPointAndTrainOnFromIt() throws Exception {
        SyntheticSamples.write(SyntheticSamples.generate(4000, 3), dir.resolve("part-0.avro"));
        FeatureSpec spec = FeatureSpec.defaults();
        TrainingData full = new TrainingData(
                TimeSplit.byFraction(SampleReader.read(dir, null, null).samples(), 0.8, 0.1), spec.numSlots());
        CompactIds compact = new CompactIds(full.allIds(), spec);
        TrainingData data = full.withIds(compact.compact(full.allIds()));
        NetworkConfig vanilla = new NetworkConfig(Backbone.DEEPFM, 8, new int[]{32, 16}, 0, 0f, 0);
        List<Student> students = Student.ablation(0.5f, 1f);
        DistillTrainer trainer = new DistillTrainer(compact.compactSpec(), vanilla, vanilla, students,
                new Hyper(3e-3f, 3, 256, 4, 3), Device.cpu(), TeacherMode.FINETUNE, 0f, 1e-3f);

        SeedRun run = trainer.train(data, labelAwareRepresentations(data), 7);

        List<CurvePoint> baseline = run.curves().get(Variant.VANILLA_BASELINE);
        int start = sharedPrefixLength(run, students) - 1;
        CurvePoint startPoint = baseline.get(start);
        for (CurvePoint before : baseline.subList(0, start)) {
            assertTrue(before.validationAuc() < startPoint.validationAuc(), "the start is the baseline's best point");
        }
        for (Student student : students) {
            List<CurvePoint> curve = run.curves().get(student.name());
            assertEquals(startPoint, curve.get(start), student.name() + " starts at the baseline's best point");
            assertTrue(run.validationAuc().get(student.name()) >= startPoint.validationAuc(),
                    student.name() + " is never worse on validation than where it started");
            assertTrue(curve.size() > start + 1, student.name() + " trained after its start");
            assertTrue(curve.get(start + 1).epoch() > startPoint.epoch(), student.name() + " curve moves on in epochs");
            assertTrue(curve.get(start + 1).validationAuc() != startPoint.validationAuc(),
                    student.name() + " weights change from the start (they receive gradients)");
        }
        assertTrue(run.validationAuc().get(Variant.GAIN) > 0.5, "the teacher learned: " + run.validationAuc());
    }

    /** Length of the curve prefix that every student shares (the pass before fine-tuning, up to its start). */
    private static int sharedPrefixLength(SeedRun run, List<Student> students) {
        List<CurvePoint> first = run.curves().get(students.get(0).name());
        int length = 0;
        while (length < first.size() && sameAtForEvery(run, students, length, first.get(length))) {
            length++;
        }
        return length;
    }

    private static boolean sameAtForEvery(SeedRun run, List<Student> students, int index, CurvePoint point) {
        return students.stream().allMatch(s -> run.curves().get(s.name()).size() > index
                && run.curves().get(s.name()).get(index).equals(point));
    }

    /** A stand-in for Stage 1's vectors that carries the label with noise, so the teacher knows more than ids. */
    private static HeadResult labelAwareRepresentations(TrainingData data) {
        int dim = 4;
        Random random = new Random(1);
        float[] labels = data.gatherLabels(IntStream.range(0, data.rows()).toArray());
        float[] vectors = new float[data.rows() * dim];
        for (int r = 0; r < data.rows(); r++) {
            for (int d = 0; d < dim; d++) {
                vectors[r * dim + d] = (labels[r] * 2 - 1) * 0.5f + (float) random.nextGaussian();
            }
        }
        return new HeadResult(vectors, dim, new float[data.testRows()], List.of(), 0.5, 0.5);
    }
}

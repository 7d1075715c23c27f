package dev.elec.trainer.distill;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * The gain network (optional) and every vanilla student side by side, so one pass over a batch trains them all.
 * Their losses are independent (the teacher enters them under stop-gradient), so summing them trains each
 * network exactly as alone. Forward: {@code (ids[, dense])} -> {@code [gain logit, gain hidden,] then logit and
 * hidden of each student}. Students are initialised from the same seed: they differ only by their loss.
 */
final class JointBlock extends AbstractBlock {
    private final Block gain;
    private final List<Block> students;
    private final long seed;

    JointBlock(Block gain, List<Block> students, long seed) {
        this.gain = gain == null ? null : addChildBlock("gain", gain);
        for (int i = 0; i < students.size(); i++) {
            addChildBlock("student" + i, students.get(i));
        }
        this.students = List.copyOf(students);
        this.seed = seed;
    }

    Block gain() {
        return gain;
    }

    Block student(int index) {
        return students.get(index);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList out = new NDList();
        if (gain != null) {
            out.addAll(gain.forward(store, inputs, training, params));
        }
        NDList ids = new NDList(inputs.get(0));
        for (Block student : students) {
            out.addAll(student.forward(store, ids, training, params));
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] networkShapes = students.isEmpty() ? gain.getOutputShapes(inputShapes)
                : students.get(0).getOutputShapes(new Shape[]{inputShapes[0]});
        Shape[] out = new Shape[(gain == null ? 0 : 2) + 2 * students.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = networkShapes[i % 2];
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Engine engine = Engine.getEngine("PyTorch");
        if (gain != null) {
            engine.setRandomSeed((int) seed);
            gain.initialize(manager, dataType, inputShapes);
        }
        for (Block student : students) {
            engine.setRandomSeed((int) seed + 1);
            student.initialize(manager, dataType, inputShapes[0]);
        }
    }
}

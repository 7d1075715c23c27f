package dev.elec.trainer.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.feature.FieldSpec;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renumbers the global ids that occur in the data densely, so that the networks train on an embedding table of the
 * ids actually seen instead of the spec's full table (100k+ rows, mostly never touched). Adam leaves untouched rows
 * where they are, so this trains exactly as the full table would; {@link #expand} then writes the trained rows into
 * a network of the real spec, for the bundle.
 */
public final class CompactIds {
    private static final int RESERVED = 2;
    private static final String[] TABLES = {"embedding", "firstOrder"};

    private final int[] compactOf;
    private final int[] fullOf;
    private final FeatureSpec compactSpec;

    public CompactIds(int[] ids, FeatureSpec spec) {
        compactOf = new int[spec.vocabularySize()];
        Arrays.fill(compactOf, -1);
        List<Integer> full = new ArrayList<>();
        for (int id : ids) {
            if (compactOf[id] < 0) {
                compactOf[id] = full.size();
                full.add(id);
            }
        }
        fullOf = full.stream().mapToInt(Integer::intValue).toArray();
        compactSpec = layout(spec.numSlots(), fullOf.length);
    }

    /** A spec with the same number of slots and a table of exactly the seen ids (plus padding to fit the layout). */
    private static FeatureSpec layout(int slots, int seen) {
        int minimum = slots * (RESERVED + 1);
        int vocabulary = Math.max(seen, minimum);
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.hashed("compact0", vocabulary - RESERVED - (slots - 1) * (RESERVED + 1)));
        for (int s = 1; s < slots; s++) {
            fields.add(FieldSpec.hashed("compact" + s, 1));
        }
        return new FeatureSpec("compact-" + vocabulary, fields, List.of());
    }

    public FeatureSpec compactSpec() {
        return compactSpec;
    }

    public int seenIds() {
        return fullOf.length;
    }

    public int[] compact(int[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = compactOf[ids[i]];
        }
        return out;
    }

    /** Copies a network trained on compact ids into an initialised network of the same config on the real spec. */
    public void expand(Block compact, Block full) {
        PairList<String, Parameter> from = compact.getParameters();
        PairList<String, Parameter> to = full.getParameters();
        if (from.size() != to.size()) {
            throw new IllegalStateException("networks differ: " + from.keys() + " vs " + to.keys());
        }
        for (int i = 0; i < from.size(); i++) {
            Pair<String, Parameter> source = from.get(i);
            Pair<String, Parameter> target = to.get(i);
            if (!source.getKey().equals(target.getKey())) {
                throw new IllegalStateException("parameter " + source.getKey() + " meets " + target.getKey());
            }
            NDArray sourceArray = source.getValue().getArray();
            NDArray targetArray = target.getValue().getArray();
            if (Arrays.asList(TABLES).contains(source.getKey())) {
                targetArray.set(FloatBuffer.wrap(expandTable(sourceArray, targetArray)));
            } else {
                targetArray.set(FloatBuffer.wrap(sourceArray.toFloatArray()));
            }
        }
    }

    private float[] expandTable(NDArray compactTable, NDArray fullTable) {
        int width = (int) fullTable.getShape().get(1);
        float[] source = compactTable.toFloatArray();
        float[] target = fullTable.toFloatArray();
        for (int c = 0; c < fullOf.length; c++) {
            System.arraycopy(source, c * width, target, fullOf[c] * width, width);
        }
        return target;
    }
}

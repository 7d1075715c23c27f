package dev.elec.model.bundle;

import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.feature.FieldSpec;
import dev.elec.model.scoring.Scorer;
import java.util.Map;
import java.util.Random;

/** Scores a fixed batch (all missing, all unknown, random valid ids): every score must be finite and in [0, 1]. */
final class Canary {
    private static final int RANDOM_ROWS = 30;
    private static final long SEED = 20_250_713L;

    private Canary() {}

    static void check(LoadedModel model) {
        FeatureSpec spec = model.featureSpec();
        int[] ids = rows(spec);
        int rows = ids.length / spec.numSlots();
        float[] scores;
        try (Scorer scorer = model.newScorer()) {
            scores = scorer.score(ids, rows);
        } catch (BundleRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BundleRejectedException(Check.CANARY, "canary batch of " + model.version() + " failed: " + e, e);
        }
        if (scores.length != rows) {
            throw new BundleRejectedException(Check.CANARY, model.version() + " returned " + scores.length + " scores for " + rows + " rows");
        }
        for (int r = 0; r < rows; r++) {
            float s = scores[r];
            if (!(s >= 0f && s <= 1f)) { // also catches NaN
                throw new BundleRejectedException(
                        Check.CANARY, "canary row " + r + " of " + model.version() + " scored " + s + " (must be finite in [0, 1])");
            }
        }
    }

    private static int[] rows(FeatureSpec spec) {
        int slots = spec.numSlots();
        int[] ids = new int[(RANDOM_ROWS + 2) * slots];
        spec.encodeInto(Map.of(), ids, 0);
        int slot = slots;
        int offset = 0;
        for (FieldSpec field : spec.fields()) {
            for (int s = 0; s < field.slots(); s++) {
                ids[slot++] = offset + FieldSpec.UNKNOWN_ID;
            }
            offset += field.cardinality();
        }
        Random random = new Random(SEED);
        for (int r = 0; r < RANDOM_ROWS; r++) {
            offset = 0;
            for (FieldSpec field : spec.fields()) {
                for (int s = 0; s < field.slots(); s++) {
                    ids[slot++] = offset + random.nextInt(field.cardinality());
                }
                offset += field.cardinality();
            }
        }
        return ids;
    }
}

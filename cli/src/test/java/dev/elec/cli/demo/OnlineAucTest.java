package dev.elec.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnlineAucTest {

    @Test
    void aConstantScorerGetsExactlyOneHalf() {
        OnlineAuc auc = new OnlineAuc();
        for (int i = 0; i < 100; i++) {
            auc.add("prior", 0.05, i % 3 == 0 ? 1 : 0);
        }
        assertEquals(0.5, auc.aucByVersion().get("prior"), 1e-12);
    }

    @Test
    void tiesCountOneHalfAndRanksDecideTheRest() {
        // positives 0.35 and 0.8, negatives 0.1 and 0.35: pairs (0.35 vs 0.1) 1, (0.35 vs 0.35) 1/2,
        // (0.8 vs 0.1) 1, (0.8 vs 0.35) 1 -> 3.5 / 4
        OnlineAuc auc = new OnlineAuc();
        auc.add("v", 0.1, 0);
        auc.add("v", 0.35, 0);
        auc.add("v", 0.35, 1);
        auc.add("v", 0.8, 1);
        assertEquals(0.875, auc.aucByVersion().get("v"), 1e-12);
    }

    @Test
    void eachVersionIsMeasuredOnTheSamplesItScored() {
        OnlineAuc auc = new OnlineAuc();
        auc.add("prior", 0.05, 1);
        auc.add("v1", 0.9, 1);
        auc.add("prior", 0.05, 0);
        auc.add("v1", 0.2, 0);
        auc.add("v2", 0.2, 1);
        auc.add("v2", 0.9, 0);
        auc.add("v3", 0.5, 1);

        Map<String, Double> byVersion = auc.aucByVersion();
        assertEquals(List.of("prior", "v1", "v2", "v3"), List.copyOf(byVersion.keySet()), "in order of first sample");
        assertEquals(0.5, byVersion.get("prior"), 1e-12);
        assertEquals(1.0, byVersion.get("v1"), 1e-12);
        assertEquals(0.0, byVersion.get("v2"), 1e-12);
        assertTrue(byVersion.get("v3").isNaN(), "one label only: undefined");
        assertEquals(Map.of("prior", 2L, "v1", 2L, "v2", 2L, "v3", 1L), auc.samplesByVersion());
    }

    @Test
    void growsPastItsInitialCapacity() {
        OnlineAuc auc = new OnlineAuc();
        for (int i = 0; i < 5000; i++) {
            auc.add("v", i, i >= 2500 ? 1 : 0);
        }
        assertEquals(1.0, auc.aucByVersion().get("v"), 1e-12);
    }

    @Test
    void latencyPercentilesUseTheNearestRank() {
        LatencyPercentiles latency = new LatencyPercentiles();
        assertEquals(-1, latency.percentile(50));
        for (int ms = 100; ms >= 1; ms--) {
            latency.add(ms);
        }
        assertEquals(50, latency.percentile(50));
        assertEquals(99, latency.percentile(99));
        assertEquals(100, latency.percentile(100));
    }
}

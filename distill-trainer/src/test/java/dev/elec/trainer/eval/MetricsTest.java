package dev.elec.trainer.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    @Test
    void aucCountsCorrectlyOrderedPairs() {
        // positives 0.8, 0.4; negatives 0.6, 0.2: pairs (0.8>0.6) (0.8>0.2) (0.4<0.6) (0.4>0.2) -> 3 of 4
        assertEquals(0.75, Metrics.auc(new float[]{0.8f, 0.6f, 0.4f, 0.2f}, new float[]{1, 0, 1, 0}), 1e-12);
        assertEquals(1.0, Metrics.auc(new float[]{0.9f, 0.1f}, new float[]{1, 0}), 1e-12);
        assertEquals(0.0, Metrics.auc(new float[]{0.1f, 0.9f}, new float[]{1, 0}), 1e-12);
    }

    @Test
    void aucCountsTiesAsHalf() {
        // positive 0.5 ties negative 0.5 (1/2), beats negative 0.1 (1): (0.5 + 1) / 2
        assertEquals(0.75, Metrics.auc(new float[]{0.5f, 0.5f, 0.1f}, new float[]{1, 0, 0}), 1e-12);
        assertEquals(0.5, Metrics.auc(new float[]{0.3f, 0.3f, 0.3f, 0.3f}, new float[]{1, 0, 1, 0}), 1e-12);
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        assertTrue(Double.isNaN(Metrics.auc(new float[]{0.2f, 0.7f}, new float[]{1, 1})));
    }

    @Test
    void logLossMatchesHandComputation() {
        double expected = -(Math.log(0.8) + Math.log(1 - 0.3)) / 2;
        assertEquals(expected, Metrics.logLoss(new float[]{0.8f, 0.3f}, new float[]{1, 0}), 1e-6);
    }

    @Test
    void summaryReportsMeanSampleStdAndWorst() {
        Summary s = Summary.of(List.of(0.001, 0.003, -0.001));
        assertEquals(0.001, s.mean(), 1e-12);
        assertEquals(0.002, s.std(), 1e-12);
        assertEquals(-0.001, s.min(), 1e-12);
    }
}

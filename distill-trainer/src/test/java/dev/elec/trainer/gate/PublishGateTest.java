package dev.elec.trainer.gate;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishGateTest {
    private final PublishGate gate = new PublishGate(0);

    @Test
    void refusesAWorseModel() {
        PublishGate.Decision decision = gate.decide(0.71, OptionalDouble.of(0.73), "v1");
        assertFalse(decision.publish());
        assertTrue(decision.reason().contains("does not beat serving model v1"), decision.reason());
    }

    @Test
    void refusesAnEqualModel() {
        assertFalse(gate.decide(0.73, OptionalDouble.of(0.73), "v1").publish());
    }

    @Test
    void acceptsABetterModel() {
        assertTrue(gate.decide(0.74, OptionalDouble.of(0.73), "v1").publish());
    }

    @Test
    void acceptsTheFirstModel() {
        assertTrue(gate.decide(0.6, OptionalDouble.empty(), "none").publish());
    }

    @Test
    void refusesAnUndefinedAuc() {
        assertFalse(gate.decide(Double.NaN, OptionalDouble.empty(), "none").publish());
    }
}

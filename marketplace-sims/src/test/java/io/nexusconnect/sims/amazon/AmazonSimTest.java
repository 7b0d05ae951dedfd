package io.nexusconnect.sims.amazon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class's own Amazon simulator: started from {@link #config()} before the class's first test, closed after its
 * last, with every token bucket full again before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AmazonSimTest {
    AmazonSimulator sim;

    /** How this class's simulator runs. */
    abstract AmazonSimConfig config();

    @BeforeAll
    final void startSimulator() {
        sim = AmazonSimulator.start(config());
    }

    @AfterAll
    final void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    final void refillRateLimits() {
        sim.resetRateLimits();
    }
}

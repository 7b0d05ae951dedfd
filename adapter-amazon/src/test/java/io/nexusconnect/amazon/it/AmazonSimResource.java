package io.nexusconnect.amazon.it;

import io.nexusconnect.sims.amazon.AmazonSimConfig;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.Map;

/**
 * The Amazon simulator of marketplace-sims, started in the test JVM and sped up, with the adapter pointed at it and
 * sped up by the same factor. The simulator's getOrders lag is cut to one second (the adapter's guard to two) so an
 * order changed by a test is visible to the next cycle without waiting two minutes.
 */
public class AmazonSimResource implements QuarkusTestResourceLifecycleManager {
    /** 500 for the tests; the benchmarks run slower ({@code -Damazon.sim.speed}) so HTTP latency stays small beside the rates. */
    public static final double SPEED = Double.parseDouble(System.getProperty("amazon.sim.speed", "500"));
    /** Batches of more than 3 SKUs go as a listings feed in the tests, so both stock paths are exercised. */
    static final int FEED_THRESHOLD = 3;
    private AmazonSimulator sim;

    @Override
    public Map<String, String> start() {
        sim = AmazonSimulator.start(AmazonSimConfig.builder().speedFactor(SPEED).orderLag(Duration.ofSeconds(1)).build());
        return Map.of(
                "nexus.apis.lwa.base-url", sim.lwaTokenUrl(),
                "nexus.amazon.endpoints.na", sim.baseUrl(),
                "nexus.amazon.sandbox-endpoints.na", sim.sandboxBaseUrl(),
                "nexus.adapter.speed-factor", Double.toString(SPEED),
                "nexus.amazon.orders.lag-guard", "PT2S",
                "nexus.amazon.feeds.threshold", Integer.toString(FEED_THRESHOLD));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sim, new TestInjector.MatchesType(AmazonSimulator.class));
    }

    @Override
    public void stop() {
        if (sim != null) {
            sim.close();
        }
    }
}

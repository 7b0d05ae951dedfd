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
    static final double SPEED = 500;
    private AmazonSimulator sim;

    @Override
    public Map<String, String> start() {
        sim = AmazonSimulator.start(AmazonSimConfig.builder().speedFactor(SPEED).orderLag(Duration.ofSeconds(1)).build());
        return Map.of(
                "nexus.apis.lwa.base-url", sim.lwaTokenUrl(),
                "nexus.amazon.endpoints.na", sim.baseUrl(),
                "nexus.amazon.sandbox-endpoints.na", sim.sandboxBaseUrl(),
                "nexus.adapter.speed-factor", Double.toString(SPEED),
                "nexus.amazon.orders.lag-guard", "PT2S");
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

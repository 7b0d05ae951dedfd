package io.nexusconnect.kaufland.it;

import io.nexusconnect.sims.kaufland.KauflandSimConfig;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * The Kaufland simulator of marketplace-sims in the test JVM (storefronts de, at, cz; 1,000 orders by default) with the
 * adapter's API URL pointed at it; the adapter's own backoff runs 50 times faster.
 */
public class KauflandSimResource implements QuarkusTestResourceLifecycleManager {
    static final int ORDERS = Integer.getInteger("kaufland.sim.orders", 1000);
    static final int UNITS = Integer.getInteger("kaufland.sim.skus", 90);
    static final ShiftedClock CLOCK = new ShiftedClock();
    private KauflandSimulator sim;

    @Override
    public Map<String, String> start() {
        sim = KauflandSimulator.start(KauflandSimConfig.defaults().withClock(CLOCK).withData(ORDERS, UNITS, 42)
                .withStorefronts(List.of("de", "at", "cz")));
        return Map.of(
                "nexus.kaufland.api-url", sim.baseUrl(),
                "nexus.kaufland.speed-factor", "50",
                "nexus.kaufland.max-attempts", "3");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sim, new TestInjector.MatchesType(KauflandSimulator.class));
    }

    @Override
    public void stop() {
        if (sim != null) {
            sim.close();
        }
    }
}

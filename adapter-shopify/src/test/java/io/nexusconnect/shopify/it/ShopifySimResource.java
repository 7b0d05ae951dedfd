package io.nexusconnect.shopify.it;

import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The Shopify simulator of marketplace-sims in the test JVM: 1,050 orders over 30 days and 150 products, the cost
 * bucket restoring 100 times faster than the Standard plan (so pacing is real but short) and bulk operations that
 * complete in 50 ms; the adapter reaches it through {@code endpoint-override} and switches to a bulk operation above
 * 100 products.
 */
public class ShopifySimResource implements QuarkusTestResourceLifecycleManager {
    static final int ORDERS = 1050;
    static final int PRODUCTS = 150;
    static final double SPEED = 100;
    private ShopifySimulator sim;

    @Override
    public Map<String, String> start() {
        sim = ShopifySimulator.start(ShopifySimConfig.defaults().withData(ORDERS, PRODUCTS, 42).withSpeed(SPEED));
        return Map.of(
                "nexus.shopify.endpoint-override", sim.baseUrl(),
                "nexus.shopify.products.bulk-threshold", "100",
                "nexus.shopify.products.bulk-poll-interval", "PT0.1S",
                "nexus.apis.admin-api.max-attempts", "3",
                "nexus.apis.admin-api.max-retry-wait", "PT10S");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sim, new TestInjector.MatchesType(ShopifySimulator.class));
    }

    @Override
    public void stop() {
        if (sim != null) {
            sim.close();
        }
    }
}

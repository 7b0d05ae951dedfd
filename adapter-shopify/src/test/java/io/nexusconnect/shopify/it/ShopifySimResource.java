package io.nexusconnect.shopify.it;

import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The Shopify simulator of marketplace-sims in the test JVM: 1,050 orders over 30 days and 150 products, the cost
 * bucket restoring 100 times faster than the Standard plan (so pacing is real but short) and bulk operations that
 * complete in 50 ms; the adapter reaches it through {@code endpoint-override} and switches to a bulk operation above
 * 100 products. Webhook callbacks go to a {@link WebhookReceiver} standing in for webhook-gateway.
 */
public class ShopifySimResource implements QuarkusTestResourceLifecycleManager {
    static final int ORDERS = 1050;
    /** 150 for the tests; the stock benchmark seeds more ({@code -Dshopify.sim.products}). */
    static final int PRODUCTS = Integer.getInteger("shopify.sim.products", 150);
    /** 100 for the tests; the stock benchmark runs slower ({@code -Dshopify.sim.speed}) so pacing, not latency, rules. */
    static final double SPEED = Double.parseDouble(System.getProperty("shopify.sim.speed", "100"));
    private ShopifySimulator sim;
    private WebhookReceiver receiver;

    @Override
    public Map<String, String> start() {
        sim = ShopifySimulator.start(ShopifySimConfig.defaults().withData(ORDERS, PRODUCTS, 42).withSpeed(SPEED));
        try {
            receiver = new WebhookReceiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the webhook receiver cannot listen", e);
        }
        return Map.of(
                "nexus.webhooks.public-base-url", receiver.baseUrl(),
                "nexus.shopify.endpoint-override", sim.baseUrl(),
                "nexus.shopify.products.bulk-threshold", "100",
                "nexus.shopify.products.bulk-poll-interval", "PT0.1S",
                "nexus.apis.admin-api.max-attempts", "3",
                "nexus.apis.admin-api.max-retry-wait", "PT10S");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sim, new TestInjector.MatchesType(ShopifySimulator.class));
        injector.injectIntoFields(receiver, new TestInjector.MatchesType(WebhookReceiver.class));
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (sim != null) {
            sim.close();
        }
    }
}

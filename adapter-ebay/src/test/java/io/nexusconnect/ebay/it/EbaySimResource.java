package io.nexusconnect.ebay.it;

import io.nexusconnect.sims.ebay.EbaySimConfig;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.Map;

/**
 * The eBay simulator of marketplace-sims in the test JVM, with 1,200 orders (several getOrders pages of 200) and the
 * adapter's production hosts pointed at it; the adapter's own backoff runs 50 times faster. Webhook callbacks point at a
 * {@link NotificationReceiver} standing in for webhook-gateway; the simulator retries pushes after 200 ms.
 */
public class EbaySimResource implements QuarkusTestResourceLifecycleManager {
    /** The bench profile sets the sizes; {@code NEXUS_BENCH_QUICK=1} shrinks them for a smoke run. */
    static final boolean QUICK_BENCH = System.getProperty("ebay.sim.orders") != null
            && "1".equals(System.getenv("NEXUS_BENCH_QUICK"));
    /** 1,200 by default; the benchmarks set {@code ebay.sim.orders}. */
    static final int ORDERS = QUICK_BENCH ? 200 : Integer.getInteger("ebay.sim.orders", 1200);
    /** 60 by default; the benchmarks set {@code ebay.sim.items}. */
    static final int ITEMS = QUICK_BENCH ? 1000 : Integer.getInteger("ebay.sim.items", 60);
    private EbaySimulator sim;
    /** The gateway's stand-in that eBay's pushes and challenges reach; one per test JVM, like the simulator. */
    static NotificationReceiver receiver;

    @Override
    public Map<String, String> start() {
        sim = EbaySimulator.start(EbaySimConfig.builder().orderCount(ORDERS).itemCount(ITEMS)
                .pushRetryDelay(Duration.ofMillis(200)).build());
        try {
            receiver = new NotificationReceiver(sim);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "nexus.webhooks.public-base-url", receiver.baseUrl(),
                "nexus.ebay.production.token-url", sim.tokenUrl(),
                "nexus.ebay.production.api-url", sim.baseUrl(),
                "nexus.ebay.production.identity-url", sim.baseUrl(),
                "nexus.ebay.orders.end-guard", "PT0S",
                "nexus.ebay.http.speed-factor", "50",
                "nexus.ebay.http.max-attempts", "3");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sim, new TestInjector.MatchesType(EbaySimulator.class));
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

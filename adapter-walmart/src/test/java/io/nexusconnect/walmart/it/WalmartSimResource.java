package io.nexusconnect.walmart.it;

import io.nexusconnect.adapterkit.testkit.BenchRun;
import io.nexusconnect.adapterkit.testkit.TestWebhookReceiver;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.sims.walmart.WalmartSimConfig;
import io.nexusconnect.sims.walmart.WalmartSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Walmart simulator of marketplace-sims in the test JVM, with 600 orders (several pages) and roomy buckets so the
 * tests are about behaviour, not waiting; the adapter's API and token URLs point at it. Webhook callbacks go to a
 * receiver standing in for webhook-gateway, which checks Walmart's signature as the gateway does.
 */
public class WalmartSimResource implements QuarkusTestResourceLifecycleManager {
    static final int ORDERS = BenchRun.size("walmart.sim.orders", 600, 200);
    static final int ITEMS = BenchRun.size("walmart.sim.items", 60, 1_000);
    /**
     * The benchmark runs against the simulator's default (documented-order) limits and the adapter's own, both in real
     * time (speed factor 1: the simulator's buckets do not run faster).
     */
    static final boolean DOCUMENTED_LIMITS = Boolean.getBoolean("walmart.sim.documented-limits");
    static final Duration FEED_POLL = Duration.ofMillis(DOCUMENTED_LIMITS ? 1000 : 200);
    private WalmartSimulator sim;
    private TestWebhookReceiver receiver;

    @Override
    public Map<String, String> start() {
        Map<String, WalmartSimConfig.Bucket> roomy = new HashMap<>();
        WalmartSimConfig.DEFAULT_BUCKETS.keySet().forEach(op -> roomy.put(op, new WalmartSimConfig.Bucket(200, 200)));
        WalmartSimConfig simConfig = WalmartSimConfig.defaults().withData(ORDERS, ITEMS, 11);
        sim = WalmartSimulator.start(DOCUMENTED_LIMITS ? simConfig.withFeeds(30, Duration.ofSeconds(2))
                : simConfig.withBuckets(roomy).withFeeds(30, Duration.ofMillis(300))
                .withPushRetries(List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800))));
        receiver = TestWebhookReceiver.start(Marketplace.WALMART, WalmartSignatures::verify);
        Map<String, String> config = new HashMap<>();
        config.put("nexus.apis.walmart.base-url", sim.baseUrl());
        config.put("nexus.apis.walmart-token.base-url", sim.baseUrl() + "/v3/token");
        config.put("nexus.apis.walmart.speed-factor", DOCUMENTED_LIMITS ? "1" : "50");
        config.put("nexus.webhooks.public-base-url", receiver.baseUrl());
        config.put("nexus.apis.walmart.max-attempts", "3");
        config.put("nexus.walmart.orders.end-guard", "PT0S");
        config.put("nexus.walmart.orders.page-size", "200");
        config.put("nexus.walmart.inventory.feed-threshold", "5");
        config.put("nexus.walmart.inventory.feed-poll-interval", FEED_POLL.toString());
        for (String op : DOCUMENTED_LIMITS ? java.util.Set.<String>of() : WalmartSimConfig.DEFAULT_BUCKETS.keySet()) {
            config.put("nexus.apis.walmart.limits." + op + ".rate", "200");
            config.put("nexus.apis.walmart.limits." + op + ".burst", "200");
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sim, new TestInjector.MatchesType(WalmartSimulator.class));
        injector.injectIntoFields(receiver, new TestInjector.MatchesType(TestWebhookReceiver.class));
    }

    @Override
    public void stop() {
        if (sim != null) {
            sim.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }
}

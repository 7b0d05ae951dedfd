package io.nexusconnect.bol.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.testkit.BenchRun;
import io.nexusconnect.adapterkit.testkit.TestWebhookReceiver;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.sims.bol.BolSimConfig;
import io.nexusconnect.sims.bol.BolSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The bol simulator of marketplace-sims in the test JVM, with 400 orders (several pages of 50), 40 offers, writes
 * processed in 200 ms and roomy limits so the tests are about behaviour, not waiting; the adapter's API and token URLs
 * point at it; webhook callbacks go to a receiver standing in for webhook-gateway (path token). The benchmark ({@code bol.sim.published-limits}) keeps the published limits on both sides.
 */
public class BolSimResource implements QuarkusTestResourceLifecycleManager {
    static final int ORDERS = BenchRun.size("bol.sim.orders", 400, 200);
    static final int OFFERS = BenchRun.size("bol.sim.offers", 40, 1_000);
    static final boolean PUBLISHED_LIMITS = Boolean.getBoolean("bol.sim.published-limits");
    /**
     * With the published limits, simulator and adapter run this many times faster (the simulator's windows shortened,
     * the adapter's buckets refilled faster, processing and polling shortened alike), so 10,000 stock updates at 25/s
     * take minutes, not ten; the benchmark scales its wall time back to real bol seconds.
     */
    static final double SPEED = PUBLISHED_LIMITS ? Double.parseDouble(System.getProperty("bol.sim.speed-factor", "1"))
            : 50;
    private BolSimulator sim;
    private TestWebhookReceiver receiver;

    @Override
    public Map<String, String> start() {
        BolSimConfig simConfig = BolSimConfig.defaults().withData(ORDERS, OFFERS, 11)
                .withProcessingTime(Duration.ofMillis(PUBLISHED_LIMITS ? (long) (1000 / SPEED) : 200));
        Map<String, String> config = new HashMap<>();
        for (String op : BolSimConfig.publishedLimits().keySet()) {
            if (PUBLISHED_LIMITS) {
                BolSimConfig.Limit published = BolSimConfig.publishedLimits().get(op);
                simConfig = simConfig.withLimit(op, new BolSimConfig.Limit(published.requests(),
                        Duration.ofNanos((long) (published.window().toNanos() / SPEED))));
            } else {
                simConfig = simConfig.withLimit(op, new BolSimConfig.Limit(1000, Duration.ofSeconds(1)));
                config.put("nexus.apis.bol.limits." + op + ".rate", "1000");
                config.put("nexus.apis.bol.limits." + op + ".burst", "1000");
            }
        }
        sim = BolSimulator.start(simConfig);
        receiver = TestWebhookReceiver.start(Marketplace.BOL, TestWebhookReceiver.pathToken(body -> {
            JsonNode event = Json.read(new String(body, StandardCharsets.UTF_8), JsonNode.class).path("event");
            return event.path("resource").asText() + "/" + event.path("type").asText();
        }));
        config.put("nexus.webhooks.public-base-url", receiver.baseUrl());
        config.put("nexus.apis.bol.base-url", sim.baseUrl());
        config.put("nexus.apis.bol-token.base-url", sim.tokenUrl());
        config.put("nexus.apis.bol.max-attempts", "3");
        config.put("nexus.apis.bol.speed-factor", String.valueOf(SPEED));
        config.put("nexus.bol.process-status.poll-interval", PUBLISHED_LIMITS
                ? Duration.ofNanos((long) (1e9 / SPEED)).toString() : "PT0.1S");
        config.put("nexus.bol.process-status.give-up-after", "PT30S");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sim, new TestInjector.MatchesType(BolSimulator.class));
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

package io.nexusconnect.bol.it;

import com.fasterxml.jackson.databind.JsonNode;
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
    static final int ORDERS = Integer.getInteger("bol.sim.orders", 400);
    static final int OFFERS = Integer.getInteger("bol.sim.offers", 40);
    static final boolean PUBLISHED_LIMITS = Boolean.getBoolean("bol.sim.published-limits");
    private BolSimulator sim;
    private TestWebhookReceiver receiver;

    @Override
    public Map<String, String> start() {
        BolSimConfig simConfig = BolSimConfig.defaults().withData(ORDERS, OFFERS, 11)
                .withProcessingTime(Duration.ofMillis(PUBLISHED_LIMITS ? 1000 : 200));
        Map<String, String> config = new HashMap<>();
        for (String op : BolSimConfig.publishedLimits().keySet()) {
            if (!PUBLISHED_LIMITS) {
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
        config.put("nexus.apis.bol.speed-factor", PUBLISHED_LIMITS ? "1" : "50");
        config.put("nexus.bol.process-status.poll-interval", PUBLISHED_LIMITS ? "PT1S" : "PT0.1S");
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

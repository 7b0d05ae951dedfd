package io.nexusconnect.kaufland.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.testkit.BenchRun;
import io.nexusconnect.adapterkit.testkit.TestWebhookReceiver;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.sims.kaufland.KauflandSimConfig;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Kaufland simulator of marketplace-sims in the test JVM (storefronts de, at, cz; 1,000 orders by default) with the
 * adapter's API URL pointed at it; the adapter's own backoff runs 50 times faster. Webhook callbacks go to a receiver
 * standing in for webhook-gateway, which checks the path token as the gateway does.
 */
public class KauflandSimResource implements QuarkusTestResourceLifecycleManager {
    static final int ORDERS = BenchRun.size("kaufland.sim.orders", 1000, 200);
    static final int UNITS = BenchRun.size("kaufland.sim.skus", 90, 1_000);
    /** The benchmark runs the adapter at the documented rate in real time, as the simulator enforces it. */
    static final boolean DOCUMENTED_LIMITS = Boolean.getBoolean("kaufland.sim.documented-limits");
    static final ShiftedClock CLOCK = new ShiftedClock();
    private KauflandSimulator sim;
    private TestWebhookReceiver receiver;

    @Override
    public Map<String, String> start() {
        sim = KauflandSimulator.start(KauflandSimConfig.defaults().withClock(CLOCK).withData(ORDERS, UNITS, 42)
                .withStorefronts(List.of("de", "at", "cz")));
        receiver = TestWebhookReceiver.start(Marketplace.KAUFLAND, TestWebhookReceiver.pathToken(body ->
                Json.read(new String(body, StandardCharsets.UTF_8), JsonNode.class).path("event_name").asText(null)));
        return Map.of(
                "nexus.kaufland.api-url", sim.baseUrl(),
                "nexus.kaufland.speed-factor", DOCUMENTED_LIMITS ? "1" : "50",
                "nexus.kaufland.max-attempts", "3",
                "nexus.webhooks.public-base-url", receiver.baseUrl(),
                "nexus.kaufland.webhooks.fallback-email", "webhooks@nexus.example");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sim, new TestInjector.MatchesType(KauflandSimulator.class));
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

package io.nexusconnect.sims.walmart;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Notifications API and the signed PO_CREATED pushes, against a receiver over real HTTP. */
class WalmartNotificationsTest {
    private static WalmartSimulator sim;
    private static HttpServer receiver;
    private static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REFUSE = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        sim = WalmartSimulator.start(WalmartSimConfig.defaults().withData(5, 5, 3)
                .withPushRetries(List.of(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50))));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> seen = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(), v.getFirst()));
            seen.put(":path", exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null
                    ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            seen.put(":body", new String(body, StandardCharsets.UTF_8));
            RECEIVED.add(seen);
            exchange.sendResponseHeaders(REFUSE.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        sim.close();
        receiver.stop(0);
    }

    private static String hook(String name) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + name + "?v=1";
    }

    @Test
    void subscriptionsAreCreatedListedUpdatedAndDeletedAndSecretsAreNotEchoed() {
        String token = WalmartHttp.accessToken(sim);
        WalmartHttp.Reply created = WalmartHttp.post(sim, token, "/v3/webhooks/subscriptions", """
                {"events":[{"eventType":"PO_CREATED","eventVersion":"V1","resourceName":"ORDER","eventUrl":"%s",
                "status":"ACTIVE","authDetails":{"authMethod":"HMAC","clientSecret":"s3cret","authHeaderName":"x"}}]}"""
                .formatted(hook("crud")));
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().path("events").path(0).path("subscriptionId").asText();
        assertThat(created.body()).doesNotContain("s3cret");

        WalmartHttp.Reply wrongResource = WalmartHttp.post(sim, token, "/v3/webhooks/subscriptions", """
                {"events":[{"eventType":"PO_CREATED","eventVersion":"V1","resourceName":"ITEM","eventUrl":"%s",
                "status":"ACTIVE"}]}""".formatted(hook("bad")));
        assertThat(wrongResource.status()).isEqualTo(400);

        WalmartHttp.Reply patched = WalmartHttp.send(WalmartHttp.api(sim, token, "/v3/webhooks/subscriptions/" + id)
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"status\":\"INACTIVE\"}")));
        assertThat(patched.json().path("status").asText()).isEqualTo("INACTIVE");
        JsonNode listed = WalmartHttp.get(sim, token, "/v3/webhooks/subscriptions?eventType=PO_CREATED").json();
        assertThat(listed.path("events").findValuesAsText("subscriptionId")).contains(id);

        WalmartHttp.Reply deleted = WalmartHttp.send(WalmartHttp.api(sim, token, "/v3/webhooks/subscriptions/" + id)
                .DELETE());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(WalmartHttp.send(WalmartHttp.api(sim, token, "/v3/webhooks/subscriptions/" + id).DELETE())
                .status()).isEqualTo(404);
    }

    @Test
    void aPlacedOrderIsPushedSignedToActiveSubscribersAndRetriedUntilTaken() throws Exception {
        String token = WalmartHttp.accessToken(sim);
        WalmartHttp.post(sim, token, "/v3/webhooks/subscriptions", """
                {"events":[{"eventType":"PO_CREATED","eventVersion":"V1","resourceName":"ORDER","eventUrl":"%s",
                "status":"ACTIVE","authDetails":{"authMethod":"HMAC","clientSecret":"push-secret"}}]}"""
                .formatted(hook("push")));
        REFUSE.set(2);

        WalmartSimulator.PlacedOrder placed = sim.placeOrder("WM-SKU-00001", 2);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!placed.pushes().getFirst().delivered() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(placed.pushes().getFirst().statuses()).containsExactly(500, 500, 200);
        Map<String, String> last = RECEIVED.stream().filter(r -> r.get(":path").startsWith("/hooks/push"))
                .reduce((a, b) -> b).orElseThrow();
        String toSign = "POST\n" + last.get(":path") + "\n" + last.get("wm_sec.timestamp") + "\n"
                + NotificationsApi.sha256Hex(last.get(":body").getBytes(StandardCharsets.UTF_8));
        assertThat(last.get("wm_sec.signature"))
                .isEqualTo(Base64.getEncoder().encodeToString(NotificationsApi.hmac("push-secret", toSign)));
        assertThat(Long.parseLong(last.get("wm_sec.timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));
        JsonNode event = WalmartHttp.MAPPER.readTree(last.get(":body"));
        assertThat(event.path("source").path("eventType").asText()).isEqualTo("PO_CREATED");
        assertThat(event.path("payload").path("purchaseOrderId").asText()).isEqualTo(placed.order().purchaseOrderId);
        assertThat(event.path("payload").path("orderLines").path(0).path("quantity").path("measurementValue")
                .asText()).isEqualTo("2");
    }
}

package io.nexusconnect.sims.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.nexusconnect.sims.common.SimClock;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.webhooks.WebhookDispatcher;
import io.nexusconnect.sims.shopify.webhooks.WebhookSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's webhook subscriptions through the Admin API and its pushes to a real local receiver, with the
 * retry backoff on a clock the test moves.
 */
class ShopifyWebhooksSimTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SimClock CLOCK = new SimClock(Instant.parse("2026-11-30T12:00:00Z"));
    private static final BlockingQueue<Map<String, Object>> REQUESTS = new LinkedBlockingQueue<>();
    /** the statuses the receiver answers, in order; 200 once they run out */
    private static final ConcurrentLinkedQueue<Integer> ANSWERS = new ConcurrentLinkedQueue<>();
    private static ShopifySimulator sim;
    private static HttpServer receiver;

    @BeforeAll
    static void start() throws Exception {
        sim = ShopifySimulator.start(ShopifySimConfig.defaults().withData(50, 10, 3).withClock(CLOCK));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/", exchange -> {
            Map<String, Object> request = new HashMap<>();
            request.put("path", exchange.getRequestURI().getPath());
            exchange.getRequestHeaders().forEach((name, values) -> request.put(name.toLowerCase(), values.getFirst()));
            request.put("body", exchange.getRequestBody().readAllBytes());
            REQUESTS.add(request);
            Integer status = ANSWERS.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        sim.close();
    }

    private static String hook(String name) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + name;
    }

    @Test
    @DisplayName("Subscriptions are created, listed by the Admin API, refused once taken for a topic, and deleted")
    void subscriptionsThroughTheAdminApi() throws Exception {
        // when one is created
        JsonNode created = post("mutation($t: WebhookSubscriptionTopic!, $s: WebhookSubscriptionInput!) { "
                + "webhookSubscriptionCreate(topic: $t, webhookSubscription: $s) { webhookSubscription { id topic uri "
                + "format apiVersion { handle } } userErrors { field message } } }",
                Map.of("t", "ORDERS_CREATE", "s", Map.of("uri", hook("a"), "format", "JSON")));
        JsonNode subscription = created.at("/data/webhookSubscriptionCreate/webhookSubscription");
        assertThat(subscription.path("id").asText()).startsWith("gid://shopify/WebhookSubscription/");
        assertThat(subscription.path("apiVersion").path("handle").asText()).isEqualTo("2026-10");
        assertThat(created.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(10);

        // then a second one for the same topic and address is refused, and the listing shows the first
        JsonNode again = post("mutation($s: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: "
                + "ORDERS_CREATE, webhookSubscription: $s) { webhookSubscription { id } userErrors { field message } } }",
                Map.of("s", Map.of("uri", hook("a"))));
        assertThat(again.at("/data/webhookSubscriptionCreate/userErrors/0/message").asText())
                .isEqualTo("Address for this topic has already been taken");
        JsonNode listed = post("{ webhookSubscriptions(first: 10, topics: [ORDERS_CREATE]) { nodes { id uri } } }",
                Map.of());
        assertThat(listed.at("/data/webhookSubscriptions/nodes")).anySatisfy(n ->
                assertThat(n.path("id").asText()).isEqualTo(subscription.path("id").asText()));

        // when it is deleted, then it is gone and a second delete is a user error
        String delete = "mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId "
                + "userErrors { field message } } }";
        JsonNode deleted = post(delete, Map.of("id", subscription.path("id").asText()));
        assertThat(deleted.at("/data/webhookSubscriptionDelete/deletedWebhookSubscriptionId").asText())
                .isEqualTo(subscription.path("id").asText());
        assertThat(post(delete, Map.of("id", subscription.path("id").asText()))
                .at("/data/webhookSubscriptionDelete/userErrors/0/message").asText())
                .isEqualTo("Webhook subscription does not exist");
    }

    @Test
    @DisplayName("An order change is pushed signed with the app's secret and Shopify's headers; a 500 is retried only "
            + "when the backoff has passed on the clock, with the same webhook id and body")
    void signedPushRetriedOnTheClock() throws Exception {
        // given a subscription to orders/updated and a receiver that fails once
        sim.subscriptions().create(ShopifySimulator.DEMO.myshopifyDomain(), "ORDERS_UPDATED", hook("retry"), "JSON",
                null, null, null, "2026-10", CLOCK.instant());
        ANSWERS.add(500);
        REQUESTS.clear();

        // when a seeded order ships
        SimOrder order = sim.store().orders().get(3);
        sim.events().updateOrder(order.number(), "PAID", "FULFILLED", false);

        // then the receiver got the REST order, signed, with the delivery headers
        Map<String, Object> first = REQUESTS.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        byte[] body = (byte[]) first.get("body");
        assertThat(first.get("x-shopify-hmac-sha256")).isEqualTo(hmac(WebhookSettings.DEMO_CLIENT_SECRET, body));
        assertThat(first).containsEntry("x-shopify-topic", "orders/updated")
                .containsEntry("x-shopify-shop-domain", "nexus-demo.myshopify.com")
                .containsEntry("x-shopify-api-version", "2026-10").containsKeys("x-shopify-webhook-id",
                        "x-shopify-event-id", "x-shopify-triggered-at");
        JsonNode payload = JSON.readTree(body);
        assertThat(payload.path("admin_graphql_api_id").asText()).isEqualTo(order.id());
        assertThat(payload.path("fulfillment_status").asText()).isEqualTo("fulfilled");
        assertThat(payload.path("total_price").asText()).isEqualTo(order.total().toPlainString());
        WebhookDispatcher.Delivery delivery = awaitAnswers(first.get("x-shopify-webhook-id"), 1);

        // when the clock is short of the first backoff, then nothing is sent again
        CLOCK.advance(Duration.ofSeconds(59));
        sim.webhooks().retryDue();
        assertThat(REQUESTS.poll(300, TimeUnit.MILLISECONDS)).isNull();

        // when it has passed, then the same delivery is sent again and accepted
        CLOCK.advance(Duration.ofSeconds(1));
        sim.webhooks().retryDue();
        Map<String, Object> retry = REQUESTS.poll(10, TimeUnit.SECONDS);
        assertThat(retry).isNotNull();
        assertThat(retry.get("x-shopify-webhook-id")).isEqualTo(first.get("x-shopify-webhook-id"));
        assertThat((byte[]) retry.get("body")).isEqualTo(body);
        awaitAnswers(delivery.webhookId(), 2);
        assertThat(delivery.answers()).containsExactly(500, 200);
        assertThat(delivery.state()).isEqualTo(WebhookDispatcher.State.DELIVERED);
    }

    @Test
    @DisplayName("Uninstalling the app pushes app/uninstalled, revokes the token (401) and removes the subscriptions; "
            + "installing again restores the token")
    void uninstall() throws Exception {
        // given a subscription to app/uninstalled
        sim.subscriptions().create(ShopifySimulator.DEMO.myshopifyDomain(), "APP_UNINSTALLED", hook("bye"), "JSON",
                null, null, null, "2026-10", CLOCK.instant());
        REQUESTS.clear();
        try {
            // when the app is uninstalled through the admin hook
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                    + "/__sim/shopify/app/uninstall")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);

            // then the push came, the Admin API refuses the token and no subscription is left
            Map<String, Object> pushed = REQUESTS.poll(10, TimeUnit.SECONDS);
            assertThat(pushed).containsEntry("x-shopify-topic", "app/uninstalled");
            assertThat(status("{ shop { name } }")).isEqualTo(401);
            assertThat(sim.subscriptions().of(ShopifySimulator.DEMO.myshopifyDomain())).isEmpty();
        } finally {
            sim.events().reinstallApp();
        }
        assertThat(status("{ shop { name } }")).isEqualTo(200);
    }

    private static WebhookDispatcher.Delivery awaitAnswers(Object webhookId, int answers) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            WebhookDispatcher.Delivery d = sim.webhooks().deliveries().stream()
                    .filter(x -> x.webhookId().equals(webhookId)).findFirst().orElseThrow();
            if (d.answers().size() >= answers) {
                return d;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("delivery " + webhookId + " has no " + answers + " answers");
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static JsonNode post(String query, Map<String, Object> variables) throws Exception {
        return JSON.readTree(send(query, variables).body());
    }

    private static int status(String query) throws Exception {
        return send(query, Map.of()).statusCode();
    }

    private static HttpResponse<String> send(String query, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.graphqlUrl("2026-10")))
                .header("X-Shopify-Access-Token", ShopifySimulator.DEMO.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

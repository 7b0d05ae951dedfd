package io.nexusconnect.gateway.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.gateway.config.GatewayRuntime;
import io.nexusconnect.gateway.dedupe.DuplicateWindow;
import io.nexusconnect.gateway.support.EbayNotificationKeys;
import io.nexusconnect.gateway.support.TestClock;
import io.nexusconnect.gateway.verify.Hmac;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class IntakeFlowTest {
    static final String SHOP = "nexus-demo.myshopify.com";
    static final String TOKEN = "kT9_token-of-this-connection-0123456789";

    @Inject
    GatewayRuntime runtime;
    @Inject
    TestClock clock;

    UUID shopify(ConnectionState state) {
        return Gateway.connection(runtime, Marketplace.SHOPIFY, state, Map.of("shopDomain", SHOP),
                Map.of("adminApiAccessToken", "shpat_" + "a".repeat(32), "apiSecretKey", Deliver.SHOPIFY_SECRET));
    }

    @Test
    @DisplayName("Readiness is UP once the connection and dedupe views have caught up")
    void readiness() {
        await().until(runtime::ready);

        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @DisplayName("A signed Shopify order webhook is on the topic with its exact bytes, topic, id, tenant and sealed connection when 200 comes back")
    void shopifyAccepted() {
        UUID connection = shopify(ConnectionState.ACTIVE);
        String body = "{\"id\":820982911946154508,\"note\":\"caf\u00e9 \\u00e9\",\"total_price\":\"19.99\"}";

        Response response = Deliver.shopify(connection, SHOP, "wh-" + UUID.randomUUID(), body);

        response.then().statusCode(200).body("status", equalTo("accepted"));
        WebhookReceived received = Gateway.webhooks(Marketplace.SHOPIFY, connection, 1).getFirst();
        assertThat(received.webhookId().toString()).isEqualTo(response.jsonPath().getString("webhookId"));
        assertThat(received.bodyBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(received.topic()).isEqualTo("orders/create");
        assertThat(received.tenantId()).isEqualTo("tenant-a");
        assertThat(received.receivedAt()).isEqualTo(clock.instant());
        assertThat(received.headers()).containsEntry("x-shopify-shop-domain", SHOP).doesNotContainKey("x-shopify-hmac-sha256");
        assertThat(received.paused()).isFalse();
        // the connection travels with the delivery, credentials still sealed, so the adapter can fetch with them
        assertThat(received.connection().connectionId()).isEqualTo(connection);
        assertThat(received.connection().credentials().ciphertext()).isNotBlank();
        assertThat(io.nexusconnect.contracts.kafka.Json.write(received)).doesNotContain(Deliver.SHOPIFY_SECRET);
    }

    @Test
    @DisplayName("A retried delivery with the same webhook id is acknowledged once more but published once")
    void duplicatesCollapse() {
        UUID connection = shopify(ConnectionState.ACTIVE);
        String webhookId = "wh-" + UUID.randomUUID();

        Deliver.shopify(connection, SHOP, webhookId, "{\"id\":1}").then().statusCode(200).body("status", equalTo("accepted"));
        Deliver.shopify(connection, SHOP, webhookId, "{\"id\":1}").then().statusCode(200).body("status", equalTo("duplicate"));

        assertThat(Gateway.webhooks(Marketplace.SHOPIFY, connection, 1)).hasSize(1);
    }

    @Test
    @DisplayName("An event id another replica published (its marker on the dedupe topic) is a duplicate here too")
    void duplicateAcrossReplicas() {
        UUID connection = shopify(ConnectionState.ACTIVE);
        String webhookId = "wh-" + UUID.randomUUID();
        String key = DuplicateWindow.key("shopify", connection.toString(), webhookId);
        KafkaTestClient.send(Topics.WEBHOOK_DEDUPE, key, "{\"publishedAt\":\"" + clock.instant() + "\"}", null);
        await().until(() -> runtime.duplicates().isSeen(key));

        Deliver.shopify(connection, SHOP, webhookId, "{\"id\":2}").then().statusCode(200).body("status", equalTo("duplicate"));

        assertThat(Gateway.webhooks(Marketplace.SHOPIFY, connection, 0)).isEmpty();
    }

    @Test
    @DisplayName("A delivery for a paused connection is kept and marked paused")
    void pausedIsKeptAndMarked() {
        UUID connection = shopify(ConnectionState.PAUSED);

        Deliver.shopify(connection, SHOP, "wh-" + UUID.randomUUID(), "{\"id\":3}").then().statusCode(200)
                .body("paused", equalTo(true));

        assertThat(Gateway.webhooks(Marketplace.SHOPIFY, connection, 1).getFirst().paused()).isTrue();
    }

    @Test
    @DisplayName("A bad signature is 401 problem JSON and publishes nothing")
    void badSignature() {
        UUID connection = shopify(ConnectionState.ACTIVE);

        Deliver.post("/api/webhooks/shopify/" + connection, Map.of("X-Shopify-Hmac-Sha256", "AAAA",
                        "X-Shopify-Shop-Domain", SHOP, "X-Shopify-Webhook-Id", "wh-bad"), "{\"id\":4}".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));

        assertThat(Gateway.webhooks(Marketplace.SHOPIFY, connection, 0)).isEmpty();
    }

    @Test
    @DisplayName("Unknown, removed, other-marketplace and other-shop addresses all get the same 404 and publish nothing")
    void notFoundHasOneShape() {
        UUID connection = shopify(ConnectionState.ACTIVE);
        UUID removed = shopify(ConnectionState.ACTIVE);
        Gateway.remove(runtime, removed);

        List<Response> answers = List.of(
                Deliver.shopify(UUID.randomUUID(), SHOP, "wh-x", "{}"),
                Deliver.shopify(removed, SHOP, "wh-x", "{}"),
                Deliver.shopify(connection, "someone-else.myshopify.com", "wh-x", "{}"),
                Deliver.post("/api/webhooks/ebay/" + connection, Map.of(), new byte[]{'{', '}'}),
                Deliver.post("/api/webhooks/amazon/" + connection, Map.of(), new byte[]{'{', '}'}),
                Deliver.post("/api/webhooks/nowhere/not-a-uuid", Map.of(), new byte[]{'{', '}'}));

        answers.forEach(answer -> {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.asString()).isEqualTo(answers.getFirst().asString());
        });
        assertThat(Gateway.webhooks(Marketplace.SHOPIFY, connection, 0)).isEmpty();
        assertThat(Gateway.webhooks(Marketplace.SHOPIFY, removed, 0)).isEmpty();
    }

    @Test
    @DisplayName("A body over the limit is 413 problem JSON and publishes nothing")
    void oversizeBody() {
        UUID connection = shopify(ConnectionState.ACTIVE);
        String big = "{\"pad\":\"" + "x".repeat(70_000) + "\"}";

        Deliver.shopify(connection, SHOP, "wh-" + UUID.randomUUID(), big).then().statusCode(413)
                .contentType("application/problem+json");

        assertThat(Gateway.webhooks(Marketplace.SHOPIFY, connection, 0)).isEmpty();
    }

    @Test
    @DisplayName("A declared oversize body is refused with 413 from its Content-Length before a byte of it is sent")
    void oversizeRefusedUnread() throws Exception {
        UUID connection = shopify(ConnectionState.ACTIVE);

        List<String> aboveLimit = headOfUnsentPost(connection, 100_000);
        List<String> farAboveLimit = headOfUnsentPost(connection, 104_857_600);

        assertThat(aboveLimit.getFirst()).startsWith("http/1.1 413");
        assertThat(aboveLimit).anyMatch(line -> line.startsWith("content-type: application/problem+json"));
        assertThat(farAboveLimit.getFirst()).startsWith("http/1.1 413"); // the HTTP layer's own, bare answer
        assertThat(Gateway.webhooks(Marketplace.SHOPIFY, connection, 0)).isEmpty();
    }

    /** Sends only the head of a POST declaring {@code contentLength} bytes, and reads the answer's head. */
    static List<String> headOfUnsentPost(UUID connection, long contentLength) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/webhooks/shopify/" + connection + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            List<String> head = new java.util.ArrayList<>();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                head.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            return head;
        }
    }

    @Test
    @DisplayName("Past the connection's burst, deliveries get 429 with Retry-After and are not published")
    void rateLimited() {
        UUID connection = Gateway.connection(runtime, Marketplace.BOL, ConnectionState.ACTIVE, Map.of(),
                Map.of("clientId", "bol-client-id", "clientSecret", "bol-client-secret", "webhookToken", TOKEN));
        for (int i = 0; i < 20; i++) {
            Deliver.withToken("bol", connection, TOKEN + "-wrong", "{}").then().statusCode(401);
        }

        Deliver.withToken("bol", connection, TOKEN, bolOrder("A1")).then().statusCode(429).header("Retry-After", equalTo("1"))
                .contentType("application/problem+json");

        assertThat(Gateway.webhooks(Marketplace.BOL, connection, 0)).isEmpty();
    }

    @Test
    @DisplayName("A bol push on the tokened URL is published with resource/type/id/timestamp as its event id")
    void bolAccepted() {
        UUID connection = Gateway.connection(runtime, Marketplace.BOL, ConnectionState.ACTIVE, Map.of(),
                Map.of("clientId", "bol-client-id", "clientSecret", "bol-client-secret", "webhookToken", TOKEN));

        Deliver.withToken("bol", connection, TOKEN, bolOrder("A2")).then().statusCode(200);

        WebhookReceived received = Gateway.webhooks(Marketplace.BOL, connection, 1).getFirst();
        assertThat(received.eventId()).isEqualTo("ORDER/NEW/A2/2026-11-22T10:15:30+01:00");
        assertThat(received.verification()).isEqualTo("path-token");
    }

    @Test
    @DisplayName("A signed Walmart PO_CREATED within the replay window is published; a stale one is 401 and is not")
    void walmartSignedAndStale() {
        String secret = "walmart-webhook-secret-" + UUID.randomUUID().toString().replace("-", "");
        UUID connection = Gateway.connection(runtime, Marketplace.WALMART, ConnectionState.ACTIVE, Map.of("authScheme", "oauth"),
                Map.of("clientId", "walmart-client", "clientSecret", "walmart-secret", "webhookSecret", secret));
        String path = "/api/webhooks/walmart/" + connection;

        walmart(path, secret, clock.instant().getEpochSecond(), "{\"source\":{\"eventType\":\"PO_CREATED\",\"eventId\":\"e-1\"}}")
                .then().statusCode(200);
        walmart(path, secret, clock.instant().minusSeconds(3600).getEpochSecond(),
                "{\"source\":{\"eventType\":\"PO_CREATED\",\"eventId\":\"e-2\"}}").then().statusCode(401);

        assertThat(Gateway.webhooks(Marketplace.WALMART, connection, 1)).extracting(WebhookReceived::eventId).containsExactly("e-1");
    }

    @Test
    @DisplayName("eBay: the challenge is answered with the hash of code, token and registered endpoint; a signed order confirmation is published")
    void ebayChallengeAndNotification() throws Exception {
        String verificationToken = "verification_token-" + UUID.randomUUID();
        UUID connection = Gateway.connection(runtime, Marketplace.EBAY, ConnectionState.ACTIVE, Map.of(),
                Map.of("appId", EbayNotificationKeys.APP_ID, "devId", UUID.randomUUID().toString(),
                        "certId", EbayNotificationKeys.CERT_ID, "userToken", "v^1.1#user", "refreshToken", "v^1.1#refresh",
                        "notificationVerificationToken", verificationToken));
        String endpoint = "https://hooks.nexus.test/api/webhooks/ebay/" + connection;
        String expected = Hmac.sha256Hex(("challenge-1" + verificationToken + endpoint).getBytes(StandardCharsets.UTF_8));

        given().queryParam("challenge_code", "challenge-1").when().get("/api/webhooks/ebay/" + connection)
                .then().statusCode(200).body("challengeResponse", equalTo(expected));

        KeyPair key = GatewayTestResource.EBAY.newKey("kid-it");
        byte[] body = ("{\"metadata\":{\"topic\":\"ORDER_CONFIRMATION\"},\"notification\":{\"notificationId\":\"n-"
                + connection + "\",\"data\":{\"orderId\":\"14-1\"}}}").getBytes(StandardCharsets.UTF_8);
        Deliver.post("/api/webhooks/ebay/" + connection,
                Map.of("X-EBAY-SIGNATURE", EbayNotificationKeys.signatureHeader("kid-it", key, body)), body).then().statusCode(200);

        assertThat(Gateway.webhooks(Marketplace.EBAY, connection, 1).getFirst().topic()).isEqualTo("ORDER_CONFIRMATION");
    }

    @Test
    @DisplayName("Kaufland: the subscribe handshake echoes the challenge on the tokened URL only")
    void kauflandHandshake() {
        UUID connection = Gateway.connection(runtime, Marketplace.KAUFLAND, ConnectionState.ACTIVE, Map.of("storefront", "de"),
                Map.of("clientKey", "a".repeat(32), "secretKey", "b".repeat(64), "webhookToken", TOKEN));

        given().queryParam("mode", "subscribe").queryParam("challenge", "c-123").when()
                .get("/api/webhooks/kaufland/" + connection + "/" + TOKEN).then().statusCode(200).body(equalTo("c-123"));
        given().queryParam("mode", "subscribe").queryParam("challenge", "c-123").when()
                .get("/api/webhooks/kaufland/" + connection + "/wrong-token").then().statusCode(401);
    }

    static String bolOrder(String resourceId) {
        return "{\"retailerId\":1234567,\"timestamp\":\"2026-11-22T10:15:30+01:00\",\"event\":{\"resource\":\"ORDER\","
                + "\"type\":\"NEW\",\"resourceId\":\"" + resourceId + "\"}}";
    }

    static Response walmart(String path, String secret, long timestamp, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String toSign = "POST\n" + path + "\n" + timestamp + "\n" + Hmac.sha256Hex(bytes);
        String signature = Base64.getEncoder().encodeToString(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8),
                toSign.getBytes(StandardCharsets.UTF_8)));
        return Deliver.post(path, Map.of("WM_SEC.SIGNATURE", signature, "WM_SEC.TIMESTAMP", String.valueOf(timestamp)), bytes);
    }
}

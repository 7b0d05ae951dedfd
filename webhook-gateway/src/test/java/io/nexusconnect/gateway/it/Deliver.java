package io.nexusconnect.gateway.it;

import io.nexusconnect.gateway.verify.Hmac;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Deliveries as the marketplaces send them, over real HTTP to the gateway under test. */
final class Deliver {
    static final String SHOPIFY_SECRET = "shpss_0123456789abcdef0123456789abcdef";

    private Deliver() {
    }

    static Response post(String path, Map<String, String> headers, byte[] body) {
        return given().headers(headers).contentType("application/json").body(body).when().post(path);
    }

    static Response shopify(UUID connection, String shop, String webhookId, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String hmac = Base64.getEncoder().encodeToString(Hmac.sha256(SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8), bytes));
        return post("/api/webhooks/shopify/" + connection, Map.of("X-Shopify-Hmac-Sha256", hmac,
                "X-Shopify-Shop-Domain", shop, "X-Shopify-Topic", "orders/create", "X-Shopify-Webhook-Id", webhookId,
                "X-Shopify-API-Version", "2025-10"), bytes);
    }

    static Response withToken(String marketplace, UUID connection, String token, String body) {
        return post("/api/webhooks/" + marketplace + "/" + connection + "/" + token, Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }
}

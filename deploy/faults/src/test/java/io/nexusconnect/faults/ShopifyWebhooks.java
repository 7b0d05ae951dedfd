package io.nexusconnect.faults;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Deliveries as Shopify sends them (https://shopify.dev/docs/apps/build/webhooks/verify): the raw body signed with
 * HMAC-SHA256 under the app's client secret, base64 in {@code X-Shopify-Hmac-Sha256}, the shop in
 * {@code X-Shopify-Shop-Domain} and the delivery's id in {@code X-Shopify-Webhook-Id}.
 */
final class ShopifyWebhooks {
    /** What the gateway answered; status 0 when the request got no answer at all (connection refused, timeout). */
    record Answer(String webhookId, int status, String body) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final String shopDomain;
    private final byte[] secret;

    ShopifyWebhooks(String gatewayUrl, String connectionId, String shopDomain, String apiSecretKey) {
        this.url = gatewayUrl + "/api/webhooks/shopify/" + connectionId;
        this.shopDomain = shopDomain;
        this.secret = apiSecretKey.getBytes(StandardCharsets.UTF_8);
    }

    /** An {@code orders/updated} delivery for one order, signed with the connection's secret. */
    Answer send(String webhookId) {
        byte[] body = body(webhookId);
        return post(webhookId, body, sign(secret, body), url);
    }

    /** The same delivery signed with a key that is not the connection's. */
    Answer sendForged(String webhookId) {
        byte[] body = body(webhookId);
        return post(webhookId, body, sign("not-the-app-secret".getBytes(StandardCharsets.UTF_8), body), url);
    }

    /** A correctly signed delivery of {@code bytes} bytes. */
    Answer sendOversized(String webhookId, int bytes) {
        String prefix = "{\"id\":\"" + webhookId + "\",\"note\":\"";
        byte[] body = (prefix + "x".repeat(Math.max(0, bytes - prefix.length() - 2)) + "\"}").getBytes(StandardCharsets.UTF_8);
        return post(webhookId, body, sign(secret, body), url);
    }

    /** A correctly signed delivery addressed to a connection the gateway does not know. */
    Answer sendToUnknownConnection(String webhookId, String unknownConnectionId) {
        byte[] body = body(webhookId);
        String unknown = url.substring(0, url.lastIndexOf('/') + 1) + unknownConnectionId;
        return post(webhookId, body, sign(secret, body), unknown);
    }

    private static byte[] body(String webhookId) {
        return ("{\"id\":\"" + webhookId + "\",\"admin_graphql_api_id\":\"gid://shopify/Order/" + Math.abs(webhookId.hashCode())
                + "\",\"financial_status\":\"paid\",\"updated_at\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private Answer post(String webhookId, byte[] body, String signature, String target) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Shopify-Hmac-Sha256", signature)
                .header("X-Shopify-Shop-Domain", shopDomain)
                .header("X-Shopify-Topic", "orders/updated")
                .header("X-Shopify-API-Version", "2026-01")
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Triggered-At", Instant.now().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(webhookId, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(webhookId, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(webhookId, 0, "interrupted");
        }
    }

    static String sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

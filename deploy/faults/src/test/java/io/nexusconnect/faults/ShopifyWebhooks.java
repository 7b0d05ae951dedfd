package io.nexusconnect.faults;

import io.nexusconnect.contracts.Marketplace;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deliveries as Shopify sends them (https://shopify.dev/docs/apps/build/webhooks/verify): the raw body signed with
 * HMAC-SHA256 under the app's client secret, base64 in {@code X-Shopify-Hmac-Sha256}, the shop in
 * {@code X-Shopify-Shop-Domain} and the delivery's id in {@code X-Shopify-Webhook-Id} (the event id).
 */
final class ShopifyWebhooks extends WebhookSender {
    private final String shopDomain;
    private final byte[] secret;

    ShopifyWebhooks(String gatewayUrl, String connectionId, String shopDomain, String apiSecretKey) {
        super(gatewayUrl, connectionId);
        this.shopDomain = shopDomain;
        this.secret = apiSecretKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    Marketplace marketplace() {
        return Marketplace.SHOPIFY;
    }

    /** An {@code orders/updated} delivery for one order, signed with the connection's secret. */
    @Override
    Delivery genuine(String webhookId) {
        return signed(webhookId, body(webhookId), secret, callbackUrl(connectionId));
    }

    @Override
    Delivery forged(String webhookId) {
        return signed(webhookId, body(webhookId), "not-the-app-secret".getBytes(StandardCharsets.UTF_8), callbackUrl(connectionId));
    }

    @Override
    Delivery oversized(String webhookId, int bytes) {
        return signed(webhookId, padded("{\"id\":\"" + webhookId + "\"}", bytes), secret, callbackUrl(connectionId));
    }

    @Override
    Delivery toUnknownConnection(String webhookId, String unknownConnectionId) {
        return signed(webhookId, body(webhookId), secret, callbackUrl(unknownConnectionId));
    }

    private static byte[] body(String webhookId) {
        return ("{\"id\":\"" + webhookId + "\",\"admin_graphql_api_id\":\"gid://shopify/Order/" + Math.abs(webhookId.hashCode())
                + "\",\"financial_status\":\"paid\",\"updated_at\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private Delivery signed(String webhookId, byte[] body, byte[] key, String url) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(hmacSha256(key, body)));
        headers.put("X-Shopify-Shop-Domain", shopDomain);
        headers.put("X-Shopify-Topic", "orders/updated");
        headers.put("X-Shopify-API-Version", "2026-01");
        headers.put("X-Shopify-Webhook-Id", webhookId);
        headers.put("X-Shopify-Triggered-At", Instant.now().toString());
        return new Delivery(webhookId, url, headers, body);
    }

    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.nexusconnect.faults;

import io.nexusconnect.contracts.Marketplace;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Signed Walmart event notifications (https://developer.walmart.com/us-marketplace/docs/security-and-authenticity):
 * {@code WM_SEC.SIGNATURE} = base64(HMAC-SHA256(secret, METHOD\nPATH_AND_QUERY\nWM_SEC.TIMESTAMP\nhex(SHA-256(body))))
 * under the connection's {@code webhookSecret}, the timestamp in epoch seconds. The event id is {@code source.eventId}.
 */
final class WalmartWebhooks extends WebhookSender {
    private final byte[] secret;

    WalmartWebhooks(String gatewayUrl, String connectionId, String webhookSecret) {
        super(gatewayUrl, connectionId);
        this.secret = webhookSecret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    Marketplace marketplace() {
        return Marketplace.WALMART;
    }

    @Override
    Delivery genuine(String id) {
        return signed(id, body(id), secret, callbackUrl(connectionId), Instant.now());
    }

    @Override
    Delivery forged(String id) {
        return signed(id, body(id), "not-the-webhook-secret-of-this-connection".getBytes(StandardCharsets.UTF_8),
                callbackUrl(connectionId), Instant.now());
    }

    /** Correctly signed, but signed {@code age} ago: a recorded delivery replayed after the replay window. */
    Delivery stale(String id, Duration age) {
        return signed(id, body(id), secret, callbackUrl(connectionId), Instant.now().minus(age));
    }

    @Override
    Delivery oversized(String id, int bytes) {
        return signed(id, padded("{\"eventId\":\"" + id + "\"}", bytes), secret, callbackUrl(connectionId), Instant.now());
    }

    @Override
    Delivery toUnknownConnection(String id, String unknownConnectionId) {
        return signed(id, body(id), secret, callbackUrl(unknownConnectionId), Instant.now());
    }

    private static byte[] body(String eventId) {
        return ("{\"source\":{\"eventType\":\"PO_CREATED\",\"eventId\":\"" + eventId + "\",\"eventTime\":\"" + Instant.now()
                + "\"},\"payload\":{\"purchaseOrderId\":\"" + Math.abs(eventId.hashCode()) + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static Delivery signed(String id, byte[] body, byte[] key, String url, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String stringToSign = "POST\n" + URI.create(url).getRawPath() + "\n" + timestamp + "\n" + sha256Hex(body);
        String signature = Base64.getEncoder().encodeToString(
                ShopifyWebhooks.hmacSha256(key, stringToSign.getBytes(StandardCharsets.UTF_8)));
        return new Delivery(id, url, Map.of("WM_SEC.SIGNATURE", signature, "WM_SEC.TIMESTAMP", timestamp), body);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

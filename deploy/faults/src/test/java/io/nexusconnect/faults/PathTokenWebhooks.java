package io.nexusconnect.faults;

import io.nexusconnect.contracts.Marketplace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * bol.com and Kaufland pushes, which carry no signature the gateway can check: the connection's secret
 * {@code webhookToken} is the last segment of the registered callback URL (webhook-gateway/BEHAVIOR.md). bol's event id
 * is {@code resource/type/resourceId/timestamp}; Kaufland's, which documents none, {@code sha256:<hex of the body>}.
 */
final class PathTokenWebhooks extends WebhookSender {
    private final Marketplace marketplace;
    private final String token;

    PathTokenWebhooks(Marketplace marketplace, String gatewayUrl, String connectionId, String webhookToken) {
        super(gatewayUrl, connectionId);
        if (marketplace != Marketplace.BOL && marketplace != Marketplace.KAUFLAND) {
            throw new IllegalArgumentException(marketplace + " does not use a path token");
        }
        this.marketplace = marketplace;
        this.token = webhookToken;
    }

    @Override
    Marketplace marketplace() {
        return marketplace;
    }

    @Override
    Delivery genuine(String id) {
        return delivery(id, body(id), callbackUrl(connectionId) + "/" + token);
    }

    @Override
    Delivery forged(String id) {
        return delivery(id, body(id), callbackUrl(connectionId) + "/" + "guessed-token-0000000000000000000000000000");
    }

    @Override
    Delivery oversized(String id, int bytes) {
        return delivery(id, padded("{\"id\":\"" + id + "\"}", bytes), callbackUrl(connectionId) + "/" + token);
    }

    @Override
    Delivery toUnknownConnection(String id, String unknownConnectionId) {
        return delivery(id, body(id), callbackUrl(unknownConnectionId) + "/" + token);
    }

    private byte[] body(String id) {
        String text = marketplace == Marketplace.BOL
                ? "{\"retailerId\":\"1234567\",\"timestamp\":\"" + Instant.EPOCH + "\",\"event\":{\"resource\":\"ORDER\","
                        + "\"type\":\"NEW\",\"resourceId\":\"" + id + "\"}}"
                : "{\"event_name\":\"order_unit_created\",\"id_order_unit\":\"" + id + "\",\"storefront\":\"de\"}";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The event id the gateway derives from the body (PathTokenVerifier). */
    private Delivery delivery(String id, byte[] body, String url) {
        String eventId = marketplace == Marketplace.BOL
                ? "ORDER/NEW/" + id + "/" + Instant.EPOCH
                : "sha256:" + WalmartWebhooks.sha256Hex(body);
        return new Delivery(eventId, url, Map.of(), body);
    }
}

package io.nexusconnect.contracts.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * One verified webhook delivery, published by webhook-gateway on {@code nexus.webhooks.<marketplace>.v1} before the
 * marketplace got its 2xx. Keyed by connection id, so one connection's deliveries stay in order.
 *
 * @param webhookId    nexus' own id of this delivery (also the {@code ce_id})
 * @param topic        the marketplace's topic or event type ({@code orders/create}, {@code ORDER_CONFIRMATION},
 *                     {@code PO_CREATED}, ...); null when the marketplace sends none that could be read
 * @param eventId      the marketplace's id of the event, the key duplicates collapse on (Shopify
 *                     {@code X-Shopify-Webhook-Id}, eBay notification id, ...); null when it has none
 * @param headers      the request headers that matter to a consumer, names lower-case; signatures and secrets are
 *                     never among them
 * @param body         the exact raw body bytes, base64: a consumer parses what the marketplace signed, not a copy
 * @param verification how the delivery was verified ({@code shopify-hmac-sha256}, {@code ebay-ecdsa},
 *                     {@code path-token}, ...), so a consumer knows how much the body can be trusted
 * @param paused       the connection was paused when it arrived: kept, so nothing is lost, and applied on resume
 * @param connection   the connection as the gateway knew it (credentials sealed), so an adapter can fetch what a thin
 *                     payload only names without a view of its own; absent in deliveries published before it existed
 */
public record WebhookReceived(
        UUID webhookId,
        Marketplace marketplace,
        UUID connectionId,
        String tenantId,
        String topic,
        String eventId,
        Instant receivedAt,
        Map<String, String> headers,
        String contentType,
        String body,
        String verification,
        boolean paused,
        ConnectionSnapshot connection) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.webhook.received.v1";

    public static WebhookReceived of(UUID webhookId, Marketplace marketplace, UUID connectionId, String tenantId,
                                     String topic, String eventId, Instant receivedAt, Map<String, String> headers,
                                     String contentType, byte[] rawBody, String verification, boolean paused) {
        return new WebhookReceived(webhookId, marketplace, connectionId, tenantId, topic, eventId, receivedAt,
                Map.copyOf(headers), contentType, Base64.getEncoder().encodeToString(rawBody), verification, paused, null);
    }

    /** This delivery carrying the connection it arrived for. */
    public WebhookReceived withConnection(ConnectionSnapshot snapshot) {
        return new WebhookReceived(webhookId, marketplace, connectionId, tenantId, topic, eventId, receivedAt, headers,
                contentType, body, verification, paused, snapshot);
    }

    /** The raw body exactly as the marketplace sent it. */
    @JsonIgnore
    public byte[] bodyBytes() {
        return Base64.getDecoder().decode(body);
    }

    @JsonIgnore
    public String header(String name) {
        return headers == null ? null : headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return connectionId.toString();
    }
}

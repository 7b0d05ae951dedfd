package io.nexusconnect.shopify.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.webhook.WebhookContext;
import io.nexusconnect.adapterkit.webhook.WebhookHandler;
import io.nexusconnect.adapterkit.webhook.WebhookSink;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.shopify.client.ShopifyAccount;
import io.nexusconnect.shopify.mapping.WebhookOrderMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.DateTimeException;
import java.util.Locale;

/**
 * Shopify's pushes, as webhook-gateway verified them:
 * <ul>
 *   <li>{@code orders/create}, {@code orders/updated}: the payload is the whole order, so it becomes the normalized
 *       {@link Order} at once ({@link WebhookOrderMapper}: the same record a cycle publishes for the order);</li>
 *   <li>{@code app/uninstalled}: Shopify has revoked the access token; an incremental cycle is asked for, which fails
 *       with {@code invalid_credentials} ("wrong or revoked access token") and so marks the connection in error
 *       through the one path every failure takes;</li>
 *   <li>{@code products/update}: an incremental cycle (the products step reads what changed, with its stock at the
 *       connection's location, which the payload does not carry);</li>
 *   <li>any other topic: nothing (logged).</li>
 * </ul>
 * A delivery that arrived while the connection was paused changes nothing: the first cycle after the resume reads
 * every order changed since its cursor, which predates the pause, so nothing is lost. An order payload that cannot
 * be read is poison (DLQ with the reason).
 */
@ApplicationScoped
public class ShopifyWebhookHandler implements WebhookHandler {
    private static final Logger LOG = Logger.getLogger(ShopifyWebhookHandler.class);

    @Override
    public Marketplace marketplace() {
        return Marketplace.SHOPIFY;
    }

    @Override
    public void handle(WebhookContext context, WebhookSink sink) {
        WebhookReceived delivery = context.delivery();
        String topic = delivery.topic() == null ? "" : delivery.topic().toLowerCase(Locale.ROOT);
        if (delivery.paused()) {
            LOG.debugf("connection %s is paused: %s %s left to the first cycle after the resume",
                    delivery.connectionId(), topic, delivery.eventId());
            return;
        }
        switch (topic) {
            case "orders/create", "orders/updated" -> sink.order(order(context));
            case "app/uninstalled", "products/update" -> sink.requestSync(SyncMode.INCREMENTAL);
            default -> LOG.debugf("connection %s: topic %s is not used", delivery.connectionId(), topic);
        }
    }

    private static Order order(WebhookContext context) {
        WebhookReceived delivery = context.delivery();
        ConnectionSnapshot connection = context.connection().orElse(null);
        String shopDomain = connection == null ? delivery.header("x-shopify-shop-domain")
                : ShopifyAccount.shopDomain(connection);
        String currency = connection == null || connection.settings() == null ? null : connection.settings().currency();
        try {
            JsonNode payload = Json.mapper().readTree(delivery.bodyBytes());
            return WebhookOrderMapper.toOrder(payload, delivery.connectionId(), delivery.tenantId(), shopDomain,
                    currency == null || currency.isBlank() ? null : currency, context.clock().instant());
        } catch (java.io.IOException | IllegalArgumentException | DateTimeException e) {
            throw new PoisonRecordException("Shopify " + delivery.topic() + " " + delivery.eventId()
                    + " has an order that cannot be read: " + e.getMessage(), e);
        }
    }
}

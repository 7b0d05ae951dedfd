package io.nexusconnect.walmart.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.webhook.WebhookContext;
import io.nexusconnect.adapterkit.webhook.WebhookHandler;
import io.nexusconnect.adapterkit.webhook.WebhookPayloads;
import io.nexusconnect.adapterkit.webhook.WebhookSink;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.walmart.client.WalmartAccount;
import io.nexusconnect.walmart.client.WalmartApiClient;
import io.nexusconnect.walmart.config.WalmartConfig;
import io.nexusconnect.walmart.mapping.OrderMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Walmart's order notifications to normalized orders. The documented PO_CREATED and PO_LINE_AUTOCANCELLED payloads
 * (and the ORDER_UPDATES envelope) name the purchase order and its lines but carry no charges, so the order is read
 * with getAnOrder through the cycles' client and rate limiter and mapped by the cycles' {@link OrderMapper}: the
 * record is the one a cycle would publish at that moment. Other event types are not orders and are skipped.
 */
@ApplicationScoped
public class WalmartWebhookHandler implements WebhookHandler {
    static final Set<String> ORDER_EVENTS = Set.of("PO_CREATED", "PO_LINE_AUTOCANCELLED", "ORDER_UPDATES");
    private static final Logger LOG = Logger.getLogger(WalmartWebhookHandler.class);

    private final WalmartApiClient api;
    private final OrderMapper.ChargeBasis basis;

    WalmartWebhookHandler(WalmartApiClient api, WalmartConfig config) {
        this.api = api;
        this.basis = OrderMapper.ChargeBasis.valueOf(config.orders().chargeBasis().trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.WALMART;
    }

    @Override
    public void handle(WebhookContext context, WebhookSink sink) {
        WebhookReceived delivery = context.delivery();
        JsonNode event = WebhookPayloads.jsonObject(delivery);
        String type = event.path("source").path("eventType").asText("");
        if (!ORDER_EVENTS.contains(type)) {
            LOG.debugf("webhook %s of connection %s: %s is not an order event; skipped", delivery.webhookId(),
                    delivery.connectionId(), type);
            return;
        }
        String purchaseOrderId = purchaseOrderId(event.path("payload"))
                .orElseThrow(() -> new PoisonRecordException("Walmart " + type + " event " + delivery.eventId()
                        + " names no purchaseOrderId"));
        if (delivery.paused()) {
            // Decision (BEHAVIOR.md): a paused connection reads nothing; the cycle after resume covers the order
            LOG.debugf("webhook %s: connection %s is paused; order %s left to the next cycle", delivery.webhookId(),
                    delivery.connectionId(), purchaseOrderId);
            return;
        }
        Optional<ConnectionCredentials> credentials = context.credentials();
        if (credentials.isEmpty() || context.connection().isEmpty()) {
            sink.requestSync(SyncMode.INCREMENTAL);
            return;
        }
        WalmartAccount account = WalmartAccount.of(context.connection().get(), credentials.get());
        MarketplaceResponse response = api.getOrder(account, purchaseOrderId);
        JsonNode order = response.json().path("order");
        try {
            sink.order(OrderMapper.toOrder(order, basis, account.connectionId(), account.tenantId(),
                    account.currencyOverride(), null, context.clock().instant()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw response.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** {@code payload.purchaseOrderId} (PO_CREATED, PO_LINE_AUTOCANCELLED) or {@code payload.order.purchaseOrderId}. */
    static Optional<String> purchaseOrderId(JsonNode payload) {
        for (JsonNode candidate : new JsonNode[]{payload.path("purchaseOrderId"),
                payload.path("order").path("purchaseOrderId")}) {
            if (candidate.isValueNode() && !candidate.asText().isBlank()) {
                return Optional.of(candidate.asText());
            }
        }
        return Optional.empty();
    }
}

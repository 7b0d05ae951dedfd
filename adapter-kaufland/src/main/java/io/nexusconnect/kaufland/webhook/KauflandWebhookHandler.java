package io.nexusconnect.kaufland.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.webhook.WebhookContext;
import io.nexusconnect.adapterkit.webhook.WebhookHandler;
import io.nexusconnect.adapterkit.webhook.WebhookPayloads;
import io.nexusconnect.adapterkit.webhook.WebhookSink;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.kaufland.client.KauflandAccount;
import io.nexusconnect.kaufland.client.KauflandApiClient;
import io.nexusconnect.kaufland.client.model.OrderDetails;
import io.nexusconnect.kaufland.config.KauflandConfig;
import io.nexusconnect.kaufland.mapping.OrderGrouper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Kaufland's order notifications to normalized orders. A push only says that data changed (push-notifications page),
 * so the order it names is read with {@code GET /orders/{id_order}} through the cycles' signed, rate-limited client
 * and mapped by the cycles' {@link OrderGrouper}: the record a cycle would publish at that moment. A push naming only
 * an order unit is resolved with {@code GET /order-units/{id_order_unit}} first; one naming neither asks for an
 * incremental cycle. Other events are not orders and are skipped.
 */
@ApplicationScoped
public class KauflandWebhookHandler implements WebhookHandler {
    static final Set<String> ORDER_EVENTS = Set.of("order_new", "order_unit_new", "order_unit_status_changed");
    private static final Logger LOG = Logger.getLogger(KauflandWebhookHandler.class);

    private final KauflandApiClient api;
    private final KauflandConfig config;

    KauflandWebhookHandler(KauflandApiClient api, KauflandConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.KAUFLAND;
    }

    @Override
    public void handle(WebhookContext context, WebhookSink sink) {
        WebhookReceived delivery = context.delivery();
        JsonNode push = WebhookPayloads.jsonObject(delivery);
        String event = text(push, "event_name").or(() -> text(push, "event")).orElse("");
        if (!ORDER_EVENTS.contains(event)) {
            LOG.debugf("webhook %s of connection %s: %s is not an order event; skipped", delivery.webhookId(),
                    delivery.connectionId(), event);
            return;
        }
        if (delivery.paused()) {
            // Decision (BEHAVIOR.md): a paused connection reads nothing; the cycle after resume covers the order
            return;
        }
        if (context.credentials().isEmpty() || context.connection().isEmpty()) {
            sink.requestSync(SyncMode.INCREMENTAL);
            return;
        }
        KauflandAccount account = KauflandAccount.of(context.connection().get(), context.credentials().get(), config);
        Optional<String> idOrder = text(push, "id_order");
        if (idOrder.isEmpty()) {
            Optional<String> idOrderUnit = text(push, "id_order_unit");
            if (idOrderUnit.isEmpty()) {
                sink.requestSync(SyncMode.INCREMENTAL);
                return;
            }
            idOrder = text(api.getOrderUnit(account, idOrderUnit.get()).json().path("data"), "id_order");
            if (idOrder.isEmpty()) {
                throw new PoisonRecordException("order unit " + idOrderUnit.get() + " names no id_order");
            }
        }
        MarketplaceResponse response = api.getOrder(account, idOrder.get());
        try {
            OrderDetails details = response.json(OrderDetails.class);
            if (details.data() == null || details.data().orderUnits() == null) {
                throw response.malformed("an order without order_units", null);
            }
            sink.order(OrderGrouper.toOrder(details.data().orderUnits(), account.connectionId(), account.tenantId(),
                    null, context.clock().instant()));
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw response.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A field at the top of the push or inside {@code data} / {@code payload} (the shape is not documented). */
    static Optional<String> text(JsonNode push, String field) {
        for (JsonNode node : new JsonNode[]{push.path(field), push.path("data").path(field),
                push.path("payload").path(field)}) {
            if (node.isValueNode() && !node.asText().isBlank()) {
                return Optional.of(node.asText());
            }
        }
        return Optional.empty();
    }
}

package io.nexusconnect.bol.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.webhook.WebhookContext;
import io.nexusconnect.adapterkit.webhook.WebhookHandler;
import io.nexusconnect.adapterkit.webhook.WebhookPayloads;
import io.nexusconnect.adapterkit.webhook.WebhookSink;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.client.BolApiClient;
import io.nexusconnect.bol.mapping.OrderMapper;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * bol's ORDER pushes to normalized orders. A push is thin ({@code {retailerId, timestamp, event{resource, type,
 * resourceId}}}, reference §5.4), so the order it names is read with {@code get-order} through the cycles' client
 * (token, limits, retries) and mapped by the cycles' {@link OrderMapper}: the record a cycle would publish. Pushes of
 * other resources are skipped.
 */
@ApplicationScoped
public class BolWebhookHandler implements WebhookHandler {
    private static final Logger LOG = Logger.getLogger(BolWebhookHandler.class);

    private final BolApiClient api;

    BolWebhookHandler(BolApiClient api) {
        this.api = api;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.BOL;
    }

    @Override
    public void handle(WebhookContext context, WebhookSink sink) {
        WebhookReceived delivery = context.delivery();
        JsonNode event = WebhookPayloads.jsonObject(delivery).path("event");
        if (!"ORDER".equals(event.path("resource").asText())) {
            LOG.debugf("webhook %s of connection %s: resource %s is not an order; skipped", delivery.webhookId(),
                    delivery.connectionId(), event.path("resource").asText());
            return;
        }
        String orderId = event.path("resourceId").asText("");
        if (orderId.isBlank()) {
            throw new PoisonRecordException("bol ORDER push " + delivery.webhookId() + " names no resourceId");
        }
        if (delivery.paused()) {
            // Decision (BEHAVIOR.md): a paused connection reads nothing; the cycle after resume covers the order
            return;
        }
        if (context.credentials().isEmpty() || context.connection().isEmpty()) {
            sink.requestSync(SyncMode.INCREMENTAL);
            return;
        }
        BolAccount account = BolAccount.of(context.connection().get(), context.credentials().get());
        MarketplaceResponse response = api.getOrder(account, orderId);
        try {
            sink.order(OrderMapper.toOrder(response.json(), account.connectionId(), account.tenantId(), null,
                    context.clock().instant()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw response.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
        }
    }
}

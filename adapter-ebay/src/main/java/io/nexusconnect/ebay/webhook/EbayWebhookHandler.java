package io.nexusconnect.ebay.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.webhook.WebhookContext;
import io.nexusconnect.adapterkit.webhook.WebhookHandler;
import io.nexusconnect.adapterkit.webhook.WebhookSink;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.ebay.client.EbayAccount;
import io.nexusconnect.ebay.client.EbayApiClient;
import io.nexusconnect.ebay.client.model.EbayOrder;
import io.nexusconnect.ebay.config.EbayConfig;
import io.nexusconnect.ebay.mapping.OrderMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * eBay's notifications from {@code nexus.webhooks.ebay.v1}. They are thin: an order topic (ORDER_CONFIRMATION) names
 * the order, which is read with getOrder (TAX_BREAKDOWN, as the cycle reads it) with the connection's credentials
 * through the adapter's client — the cycles' retries, circuit breaker and daily-quota handling — and mapped exactly as
 * the cycle maps it. A revocation topic (authorization revoked, account deleted) about the connection's seller asks
 * for a cycle: its token refresh then fails and the connection's status says so through the normal path.
 */
@ApplicationScoped
public class EbayWebhookHandler implements WebhookHandler {
    private static final Logger LOG = Logger.getLogger(EbayWebhookHandler.class);
    /** Failures a cycle reports better than a webhook can: the seller must act, or the daily quota is used up. */
    private static final Set<io.nexusconnect.contracts.sync.ErrorCode> LEFT_TO_A_CYCLE = Set.of(
            io.nexusconnect.contracts.sync.ErrorCode.TOKEN_EXPIRED,
            io.nexusconnect.contracts.sync.ErrorCode.INVALID_CREDENTIALS,
            io.nexusconnect.contracts.sync.ErrorCode.SCOPE_MISSING,
            io.nexusconnect.contracts.sync.ErrorCode.ACCOUNT_SUSPENDED,
            io.nexusconnect.contracts.sync.ErrorCode.RATE_LIMITED);

    private final EbayApiClient client;
    private final EbayConfig config;

    EbayWebhookHandler(EbayApiClient client, EbayConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.EBAY;
    }

    @Override
    public void handle(WebhookContext context, WebhookSink sink) {
        WebhookReceived delivery = context.delivery();
        JsonNode body = parse(delivery);
        String topic = delivery.topic() != null ? delivery.topic() : body.path("metadata").path("topic").asText("");
        JsonNode data = body.path("notification").path("data");
        if (config.notifications().orderTopics().contains(topic)) {
            order(context, sink, data);
        } else if (config.notifications().revocationTopics().contains(topic)) {
            revocation(context, sink, topic, data);
        } else {
            LOG.debugf("eBay notification %s of topic %s for connection %s is not one nexus acts on", delivery.eventId(),
                    topic, delivery.connectionId());
        }
    }

    private void order(WebhookContext context, WebhookSink sink, JsonNode data) {
        WebhookReceived delivery = context.delivery();
        String orderId = Notifications.orderId(data).orElseThrow(() -> new PoisonRecordException(
                "eBay notification " + delivery.eventId() + " names no orderId"));
        if (delivery.paused()) {
            // a paused connection is not synced; the cycle after resume reads the order by its modification date
            LOG.debugf("connection %s is paused; order %s is left to the cycle after resume", delivery.connectionId(), orderId);
            return;
        }
        Optional<ConnectionCredentials> credentials = context.credentials();
        if (credentials.isEmpty() || context.connection().isEmpty()) {
            sink.requestSync(SyncMode.INCREMENTAL);
            return;
        }
        ConnectionSnapshot connection = context.connection().get();
        EbayAccount account = EbayAccount.of(connection, credentials.get(), config);
        MarketplaceResponse response;
        try {
            response = client.getOrder(account, orderId);
        } catch (MarketplaceException e) {
            if (!LEFT_TO_A_CYCLE.contains(e.code())) {
                throw e;
            }
            LOG.infof("connection %s: getOrder %s failed (%s); asking for a cycle instead", connection.connectionId(),
                    orderId, e.code().json());
            sink.requestSync(SyncMode.INCREMENTAL);
            return;
        }
        try {
            sink.order(OrderMapper.toOrder(response.json(EbayOrder.class), account.marketplaceId(),
                    connection.connectionId(), connection.tenantId(), account.currencyOverride(), null,
                    context.clock().instant()));
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw response.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private void revocation(WebhookContext context, WebhookSink sink, String topic, JsonNode data) {
        WebhookReceived delivery = context.delivery();
        if (context.connection().isPresent() && !Notifications.concernsSeller(data, context.connection().get())) {
            // application topics report every seller of the keyset; this one is another connection's
            LOG.debugf("eBay %s %s is about another seller than connection %s's", topic, delivery.eventId(),
                    delivery.connectionId());
            return;
        }
        LOG.infof("eBay %s for connection %s: asking for a cycle so its status shows it", topic, delivery.connectionId());
        sink.requestSync(SyncMode.INCREMENTAL);
    }

    private static JsonNode parse(WebhookReceived delivery) {
        try {
            JsonNode body = Json.mapper().readTree(delivery.bodyBytes());
            if (body == null || !body.isObject()) {
                throw new PoisonRecordException("eBay notification " + delivery.eventId() + " is not a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new PoisonRecordException("eBay notification " + delivery.eventId() + " is not JSON", e);
        }
    }
}

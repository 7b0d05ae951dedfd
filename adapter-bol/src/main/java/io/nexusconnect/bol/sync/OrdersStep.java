package io.nexusconnect.bol.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.client.BolApiClient;
import io.nexusconnect.bol.config.BolConfig;
import io.nexusconnect.bol.mapping.OrderMapper;
import io.nexusconnect.contracts.sync.SyncScope;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Open orders of both fulfilment methods ({@code fulfilment-method=ALL}), page 1, 2, … until bol answers an empty
 * page. The list lacks prices and the offer reference, so each order changed since the cursor (its latest
 * {@code latestChangedDateTime}) is read with {@code get-order} and published; unchanged ones cost no call. The
 * cursor is the latest change published, saved with the step's result.
 */
final class OrdersStep {
    static final String CURSOR = "orders.latestChangedDateTime";
    private static final Logger LOG = Logger.getLogger(OrdersStep.class);

    private final BolApiClient api;
    private final CycleContext context;
    private final BolAccount account;
    private final BolConfig config;

    OrdersStep(BolApiClient api, CycleContext context, BolAccount account, BolConfig config) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.config = config;
    }

    Map<String, String> run(RecordSink sink) {
        Instant since = since();
        Instant latest = since;
        Set<String> seen = new HashSet<>();
        for (int page = 1; page <= Math.max(1, config.maxPages()); page++) {
            MarketplaceResponse response = api.getOrders(account, config.fulfilmentMethod(), page);
            JsonNode orders = response.json().path("orders");
            if (orders.isMissingNode() || orders.isEmpty()) {
                break;
            }
            if (!orders.isArray()) {
                throw response.malformed("an orders page whose orders is not a list", null);
            }
            for (JsonNode reduced : orders) {
                Instant changed;
                try {
                    changed = OrderMapper.latestChange(reduced);
                } catch (IllegalArgumentException e) {
                    throw response.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
                }
                String orderId = reduced.path("orderId").asText();
                if ((since != null && !changed.isAfter(since)) || !seen.add(orderId)) {
                    continue;
                }
                MarketplaceResponse detail = api.getOrder(account, orderId);
                try {
                    sink.order(OrderMapper.toOrder(detail.json(), account.connectionId(), account.tenantId(),
                            context.syncId(), context.clock().instant()));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw detail.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
                }
                latest = latest == null || changed.isAfter(latest) ? changed : latest;
            }
            sink.pageCompleted(SyncScope.ORDERS);
        }
        return latest == null ? Map.of() : Map.of(CURSOR, latest.toString());
    }

    private Instant since() {
        var cursor = context.cursor(CURSOR);
        if (cursor.isPresent() && !cursor.get().isBlank()) {
            try {
                return Instant.parse(cursor.get());
            } catch (DateTimeParseException e) {
                LOG.warnf("connection %s: unreadable orders cursor, reading every open order",
                        account.connectionId());
            }
        }
        return null;
    }
}

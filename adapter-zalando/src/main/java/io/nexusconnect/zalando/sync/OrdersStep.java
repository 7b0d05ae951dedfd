package io.nexusconnect.zalando.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.zalando.client.ZalandoAccount;
import io.nexusconnect.zalando.client.ZalandoApiClient;
import io.nexusconnect.zalando.config.ZalandoConfig;
import io.nexusconnect.zalando.mapping.OrderDocumentMapper;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports and exports the unexported orders. Exporting an order (its {@code merchant_order_id}) takes it out of the
 * {@code exported=false} set, so page N of that set shifts while we work: the step always reads page 0 of the
 * unexported set, publishes the page, waits until Kafka acknowledged it ({@link RecordSink#pageCompleted}), then
 * exports each order of the page, and reads page 0 again — until it is empty. Orders arriving meanwhile join the
 * set and are taken in the same walk. An order is exported only after its record is durable (never lost) and only
 * when zDirect still lists it without a merchant order id (never twice, also across restarts: zDirect holds the
 * state). An export that fails ends the step with the orders named; they stay unexported and are taken next cycle.
 */
final class OrdersStep {
    static final String CURSOR = "orders.lastExportAt";
    private static final Logger LOG = Logger.getLogger(OrdersStep.class);

    private final ZalandoApiClient api;
    private final CycleContext context;
    private final ZalandoAccount account;
    private final ZalandoConfig.Orders config;

    OrdersStep(ZalandoApiClient api, CycleContext context, ZalandoAccount account, ZalandoConfig.Orders config) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.config = config;
    }

    Map<String, String> run(RecordSink sink) {
        String query = "exported=false&order_status=" + ZalandoApiClient.query(config.statuses().trim())
                + "&include=order_items,order_lines&page_size=" + Math.max(1, Math.min(1000, config.pageSize()))
                + "&page_number=0";
        Set<String> exported = new HashSet<>();
        for (int page = 0; page < Math.max(1, config.maxPages()); page++) {
            MarketplaceResponse response = api.getOrders(account, query);
            JsonNode document = response.json();
            List<Order> orders;
            try {
                orders = OrderDocumentMapper.toOrders(document, new OrderDocumentMapper.Context(
                        account.connectionId(), account.tenantId(), context.syncId(), context.clock().instant()));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw response.malformed("an orders page that cannot be read (" + e.getMessage() + ")", e);
            }
            Map<String, String> claimed = claimedOrders(document);
            List<Order> fresh = orders.stream().filter(o -> !exported.contains(o.externalId())).toList();
            if (fresh.isEmpty()) {
                if (!orders.isEmpty()) {
                    LOG.warnf("connection %s: %d exported orders are still listed as unexported; left for the next"
                            + " cycle", account.connectionId(), orders.size());
                }
                return cursors();
            }
            fresh.forEach(sink::order);
            sink.pageCompleted(SyncScope.ORDERS);
            export(fresh, claimed, exported);
        }
        LOG.warnf("connection %s: stopped after %d pages of unexported orders; the rest follows next cycle",
                account.connectionId(), config.maxPages());
        return cursors();
    }

    private void export(List<Order> orders, Map<String, String> claimed, Set<String> exported) {
        List<String> failed = new ArrayList<>();
        MarketplaceException first = null;
        for (Order order : orders) {
            if (claimed.get(order.externalId()) != null) {
                exported.add(order.externalId());
                continue;
            }
            try {
                api.exportOrder(account, order.externalId(), merchantOrderId(order));
                exported.add(order.externalId());
            } catch (MarketplaceException e) {
                first = first == null ? e : first;
                failed.add(order.orderNumber() + " (" + e.code().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        if (first != null) {
            throw new MarketplaceException(first.code(), failed.size() + " order export(s) failed: "
                    + String.join(", ", failed) + "; they stay unexported and are taken next cycle; first error: "
                    + first.getMessage(), first.httpStatus(), first.rawResponse(), first.requestId(),
                    first.retryAfter().orElse(null), first);
        }
    }

    /**
     * Decision (BEHAVIOR.md): the merchant order id is Zalando's order number when it is alphanumeric (it is
     * digits), else the order id without dashes; zDirect asks only for an alphanumeric value.
     */
    static String merchantOrderId(Order order) {
        String number = order.orderNumber();
        return number != null && number.matches("[A-Za-z0-9]{1,64}") ? number
                : order.externalId().replaceAll("[^A-Za-z0-9]", "");
    }

    /** Orders the page lists with a merchant order id already: claimed before (exported), not to be patched again. */
    private static Map<String, String> claimedOrders(JsonNode document) {
        Map<String, String> claimed = new HashMap<>();
        for (JsonNode order : document.path("data")) {
            JsonNode attributes = order.path("attributes");
            boolean done = attributes.path("exported").asBoolean(false)
                    || !attributes.path("merchant_order_id").asText("").isBlank();
            claimed.put(order.path("id").asText(), done ? "claimed" : null);
        }
        return claimed;
    }

    private Map<String, String> cursors() {
        return Map.of(CURSOR, context.clock().instant().toString());
    }
}

package io.nexusconnect.walmart.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.walmart.client.WalmartAccount;
import io.nexusconnect.walmart.client.WalmartApiClient;
import io.nexusconnect.walmart.client.WalmartErrors;
import io.nexusconnect.walmart.config.WalmartConfig;
import io.nexusconnect.walmart.mapping.OrderMapper;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders modified in [cursor + 1 ms or now − lookback, now − end guard], read with getAllOrders by
 * {@code lastModifiedStartDate}/{@code lastModifiedEndDate}, following {@code list.meta.nextCursor} to the end; a 404
 * {@code CONTENT_NOT_FOUND} is Walmart's "no orders". Every order whose lines are all Created is acknowledged once the
 * whole window is read and published (acknowledging changes the order, and with it the pages still to come), and only
 * after its record was acknowledged by Kafka. Acknowledgements that failed for a transient reason are kept in the
 * {@code orders.pendingAcknowledgements} cursor and tried first next cycle; failures end the step with an error the
 * sync history shows. Walmart keeps the state, so an acknowledged order is never acknowledged again.
 */
final class OrdersStep {
    static final String CURSOR = "orders.lastModifiedDate";
    static final String PENDING = "orders.pendingAcknowledgements";
    private static final Logger LOG = Logger.getLogger(OrdersStep.class);

    private final WalmartApiClient api;
    private final CycleContext context;
    private final WalmartAccount account;
    private final WalmartConfig.Orders config;
    private final OrderMapper.ChargeBasis basis;

    OrdersStep(WalmartApiClient api, CycleContext context, WalmartAccount account, WalmartConfig.Orders config) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.config = config;
        this.basis = OrderMapper.ChargeBasis.valueOf(config.chargeBasis().trim().toUpperCase(java.util.Locale.ROOT));
    }

    Map<String, String> run(RecordSink sink) {
        Instant to = context.clock().instant().minus(config.endGuard()).truncatedTo(ChronoUnit.MILLIS);
        Instant from = windowStart(to);
        Map<String, Instant> toAcknowledge = new LinkedHashMap<>();
        for (String po : context.cursor(PENDING).orElse("").split(",")) {
            if (!po.isBlank()) {
                toAcknowledge.put(po.trim(), null);
            }
        }
        if (!from.isAfter(to)) {
            readWindow(sink, from, to, toAcknowledge);
        } else {
            to = from.minusMillis(1);
        }
        Acknowledgements outcome = account.acknowledgeOrders() ? acknowledge(toAcknowledge)
                : new Acknowledgements(List.of(), List.of(), List.of(), null);
        Map<String, String> cursors = Map.of(CURSOR, to.toString(), PENDING, String.join(",", outcome.pending()));
        if (!outcome.failed().isEmpty()) {
            sink.checkpoint(cursors);
            throw outcome.error();
        }
        return cursors;
    }

    private void readWindow(RecordSink sink, Instant from, Instant to, Map<String, Instant> toAcknowledge) {
        String query = "?lastModifiedStartDate=" + from + "&lastModifiedEndDate=" + to + "&limit="
                + Math.max(1, Math.min(200, config.pageSize()));
        Set<String> seenCursors = new LinkedHashSet<>();
        while (query != null) {
            MarketplaceResponse response;
            try {
                response = api.getOrders(account, query);
            } catch (MarketplaceException e) {
                if (noOrders(e)) {
                    return;
                }
                throw e;
            }
            JsonNode list = response.json().path("list");
            JsonNode orders = list.path("elements").path("order");
            if (!orders.isArray()) {
                throw response.malformed("a page without list.elements.order", null);
            }
            for (JsonNode order : orders) {
                try {
                    sink.order(OrderMapper.toOrder(order, basis, account.connectionId(), account.tenantId(),
                            account.currencyOverride(), context.syncId(), context.clock().instant()));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw response.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
                }
                if (OrderMapper.awaitsAcknowledgement(order)) {
                    toAcknowledge.put(order.path("purchaseOrderId").asText(),
                            Instant.ofEpochMilli(order.path("orderDate").asLong()));
                }
            }
            sink.pageCompleted(SyncScope.ORDERS);
            String next = list.path("meta").path("nextCursor").asText("");
            query = next.isBlank() || !seenCursors.add(next) ? null : (next.startsWith("?") ? next : "?" + next);
        }
    }

    private Acknowledgements acknowledge(Map<String, Instant> orders) {
        Instant now = context.clock().instant();
        List<String> pending = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> late = new ArrayList<>();
        MarketplaceException first = null;
        for (Map.Entry<String, Instant> order : orders.entrySet()) {
            try {
                api.acknowledge(account, order.getKey());
                if (order.getValue() != null && order.getValue().plus(config.acknowledgeWithin()).isBefore(now)) {
                    late.add(order.getKey());
                }
            } catch (MarketplaceException e) {
                first = first == null ? e : first;
                failed.add(order.getKey() + " (" + e.code().name().toLowerCase(java.util.Locale.ROOT) + ")");
                if (e.isTransient() || e.httpStatus() == null || e.httpStatus() == 401) {
                    pending.add(order.getKey());
                }
            }
        }
        if (!late.isEmpty()) {
            LOG.warnf("connection %s: %d orders acknowledged later than %s after they were placed: %s",
                    account.connectionId(), late.size(), config.acknowledgeWithin(), late);
        }
        return new Acknowledgements(pending, failed, late, first);
    }

    private record Acknowledgements(List<String> pending, List<String> failed, List<String> late,
                                    MarketplaceException first) {
        MarketplaceException error() {
            String message = failed.size() + " order acknowledgement(s) failed: " + String.join(", ", failed)
                    + (pending.isEmpty() ? "" : "; " + pending.size() + " will be tried again next cycle")
                    + (late.isEmpty() ? "" : "; " + late.size() + " acknowledged after the deadline: "
                    + String.join(", ", late)) + "; first error: " + first.getMessage();
            return new MarketplaceException(first.code(), message, first.httpStatus(), first.rawResponse(),
                    first.requestId(), first.retryAfter().orElse(null), first);
        }
    }

    /** Walmart answers a query without orders with 404 CONTENT_NOT_FOUND (BEHAVIOR.md), not an empty page. */
    static boolean noOrders(MarketplaceException e) {
        return e.httpStatus() != null && e.httpStatus() == 404
                && WalmartErrors.first(e.rawResponse()).code().startsWith("CONTENT_NOT_FOUND");
    }

    private Instant windowStart(Instant to) {
        var cursor = context.cursor(CURSOR);
        if (cursor.isPresent() && !cursor.get().isBlank()) {
            try {
                return Instant.parse(cursor.get()).plusMillis(1);
            } catch (DateTimeParseException e) {
                LOG.warnf("connection %s: unreadable orders cursor, falling back to the lookback",
                        account.connectionId());
            }
        }
        return to.plus(config.endGuard()).minus(context.lookback().duration()).truncatedTo(ChronoUnit.MILLIS);
    }
}

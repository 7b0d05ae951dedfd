package io.nexusconnect.kaufland.sync;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.paging.Paging;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.kaufland.client.KauflandAccount;
import io.nexusconnect.kaufland.client.KauflandApiClient;
import io.nexusconnect.kaufland.client.model.OrderDetails;
import io.nexusconnect.kaufland.client.model.OrderUnit;
import io.nexusconnect.kaufland.client.model.Pagination;
import io.nexusconnect.kaufland.client.model.OrderUnitsPage;
import io.nexusconnect.kaufland.mapping.OrderGrouper;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Order units updated at or after the cursor (else now − lookback), per storefront of the connection, with
 * {@code sort=ts_updated:desc} and limit/offset paging to the end: a unit updated during the walk moves to the front
 * and shifts the rest back, so a unit may be read twice but none is skipped. The units are grouped by
 * {@code id_order} after the walk (one order's units can span pages). An order created before the window start may
 * have units the window did not return (only the changed ones come back), so such an order is read whole with
 * {@code GET /orders/{id_order}}; an order created inside the window is complete already, since a unit is never
 * updated before it is created.
 */
final class OrdersStep {
    static final String CURSOR = "orders.updatedFrom";
    private static final Logger LOG = Logger.getLogger(OrdersStep.class);

    private final KauflandApiClient api;
    private final CycleContext context;
    private final KauflandAccount account;
    private final int pageSize;

    OrdersStep(KauflandApiClient api, CycleContext context, KauflandAccount account, int pageSize) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.pageSize = pageSize;
    }

    Map<String, String> run(RecordSink sink) {
        Instant to = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = windowStart(to);
        for (String storefront : account.storefronts()) {
            Map<String, List<OrderUnit>> byOrder = new LinkedHashMap<>();
            Map<String, MarketplaceResponse> source = new LinkedHashMap<>();
            Paging.offsets(pageSize).forEach(request -> {
                MarketplaceResponse response = api.getOrderUnits(account, q -> q.query("storefront", storefront)
                        .query("ts_updated_from_iso", from.toString())
                        .query("sort", "ts_updated:desc")
                        .query("limit", Integer.toString(request.limit()))
                        .query("offset", Long.toString(request.offset())));
                OrderUnitsPage page = response.json(OrderUnitsPage.class);
                if (page.data() == null) {
                    throw response.malformed("a page without data", null);
                }
                for (OrderUnit unit : page.data()) {
                    if (unit.idOrder() == null || unit.idOrderUnit() == null) {
                        throw response.malformed("an order unit without id_order or id_order_unit", null);
                    }
                    List<OrderUnit> units = byOrder.computeIfAbsent(unit.idOrder(), k -> new ArrayList<>());
                    units.removeIf(u -> u.idOrderUnit().equals(unit.idOrderUnit()));
                    units.add(unit);
                    source.putIfAbsent(unit.idOrder(), response);
                }
                return Pagination.page(page.data(), page.pagination());
            }, page -> { });
            publish(sink, from, byOrder, source);
            sink.pageCompleted(SyncScope.ORDERS);
        }
        return Map.of(CURSOR, to.toString());
    }

    private void publish(RecordSink sink, Instant from, Map<String, List<OrderUnit>> byOrder,
                         Map<String, MarketplaceResponse> source) {
        for (Map.Entry<String, List<OrderUnit>> entry : byOrder.entrySet()) {
            MarketplaceResponse response = source.get(entry.getKey());
            List<OrderUnit> units = entry.getValue();
            try {
                if (createdBefore(units, from)) {
                    response = api.getOrder(account, entry.getKey());
                    OrderDetails details = response.json(OrderDetails.class);
                    if (details.data() == null || details.data().orderUnits() == null) {
                        throw response.malformed("an order without order_units", null);
                    }
                    units = details.data().orderUnits();
                }
                sink.order(OrderGrouper.toOrder(units, account.connectionId(), account.tenantId(), context.syncId(),
                        context.clock().instant()));
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                throw response.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
            }
        }
    }

    private static boolean createdBefore(List<OrderUnit> units, Instant from) {
        return units.stream().anyMatch(u -> u.tsCreatedIso() == null || Instant.parse(u.tsCreatedIso()).isBefore(from));
    }

    private Instant windowStart(Instant to) {
        var cursor = context.cursor(CURSOR);
        if (cursor.isPresent()) {
            try {
                return Instant.parse(cursor.get());
            } catch (DateTimeParseException e) {
                LOG.warnf("connection %s: unreadable orders cursor, falling back to the lookback",
                        account.connectionId());
            }
        }
        return to.minus(context.lookback().duration()).truncatedTo(ChronoUnit.SECONDS);
    }
}

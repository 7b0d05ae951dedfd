package io.nexusconnect.sims.kaufland.api;

import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.kaufland.KauflandStore;
import io.nexusconnect.sims.kaufland.http.KauflandCall;
import io.nexusconnect.sims.kaufland.http.KauflandErrors;
import io.nexusconnect.sims.kaufland.model.OrderUnit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code GET /v2/order-units}: storefront, status[], ts_created/updated_from_iso, sort, limit (1..100), offset. */
public final class OrderUnitsApi {
    private final KauflandStore store;
    private final Set<String> storefronts;

    public OrderUnitsApi(KauflandStore store, Set<String> storefronts) {
        this.store = store;
        this.storefronts = storefronts;
    }

    public SimResponse list(KauflandCall call) {
        Paging paging;
        try {
            paging = Paging.of(call, 30);
        } catch (IllegalArgumentException e) {
            return KauflandErrors.badRequest(e.getMessage(), "out of range");
        }
        Predicate<OrderUnit> filter = u -> true;
        String storefront = call.query("storefront");
        if (storefront != null) {
            if (!storefronts.contains(storefront)) {
                return KauflandErrors.storefrontNotConfigured(storefront);
            }
            filter = filter.and(u -> u.storefront().equals(storefront));
        }
        try {
            Instant updatedFrom = instant(call.query("ts_updated_from_iso"));
            Instant createdFrom = instant(call.query("ts_created_from_iso"));
            if (updatedFrom != null) {
                filter = filter.and(u -> !u.tsUpdated().isBefore(updatedFrom));
            }
            if (createdFrom != null) {
                filter = filter.and(u -> !u.tsCreated().isBefore(createdFrom));
            }
        } catch (DateTimeParseException e) {
            return KauflandErrors.badRequest("ts_updated_from_iso", "should be in YYYY-MM-ddTHH:mm:ssZ format");
        }
        List<String> statuses = call.query().getAll("status[]").isEmpty() ? call.query().getAll("status")
                : call.query().getAll("status[]");
        if (!statuses.isEmpty()) {
            filter = filter.and(u -> statuses.contains(u.status()));
        }
        String sort = call.query("sort") == null ? "ts_created:desc" : call.query("sort");
        Comparator<OrderUnit> order = switch (sort) {
            case "ts_created:desc" -> Comparator.comparing(OrderUnit::tsCreated).reversed();
            case "ts_updated:desc" -> Comparator.comparing(OrderUnit::tsUpdated).reversed();
            default -> null;
        };
        if (order == null) {
            return KauflandErrors.badRequest("sort", "must be ts_created:desc or ts_updated:desc");
        }
        List<OrderUnit> matching = store.orderUnits().stream().filter(filter)
                .sorted(order.thenComparing(OrderUnit::idOrderUnit)).toList();
        List<OrderUnit> page = paging.slice(matching);
        return SimResponse.json(200, KauflandJson.page(KauflandJson.array(page.stream().map(KauflandJson::orderUnit)
                .toList()), paging.offset(), paging.limit(), matching.size()));
    }

    /** {@code GET /v2/orders/{id_order}}: the order with all its units ({@code OrderDetails}). */
    public SimResponse order(KauflandCall call) {
        String idOrder = call.path("id_order");
        List<OrderUnit> units = store.orderUnits().stream().filter(u -> u.idOrder().equals(idOrder))
                .sorted(Comparator.comparing(OrderUnit::idOrderUnit)).toList();
        if (units.isEmpty()) {
            return KauflandErrors.notFound("Order");
        }
        var body = io.nexusconnect.sims.common.http.Json.object();
        var data = body.putObject("data").put("id_order", idOrder)
                .put("ts_created_iso", io.nexusconnect.sims.common.http.Json.time(units.getFirst().tsCreated()))
                .put("storefront", units.getFirst().storefront().toUpperCase())
                .put("fulfillment_type", "fulfilled_by_merchant");
        data.set("order_units", KauflandJson.array(units.stream().map(KauflandJson::orderUnit).toList()));
        return SimResponse.json(200, body);
    }

    private static Instant instant(String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }

    /** limit (1..100, default given) and offset (≥ 0) of a list call. */
    record Paging(int offset, int limit) {
        static Paging of(KauflandCall call, int defaultLimit) {
            int limit = parse(call.query("limit"), defaultLimit, "limit");
            int offset = parse(call.query("offset"), 0, "offset");
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("limit");
            }
            if (offset < 0) {
                throw new IllegalArgumentException("offset");
            }
            return new Paging(offset, limit);
        }

        private static int parse(String value, int fallback, String name) {
            try {
                return value == null ? fallback : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name);
            }
        }

        <T> List<T> slice(List<T> all) {
            return offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), offset + limit));
        }
    }

}

package io.nexusconnect.kaufland.mapping;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.kaufland.client.KauflandAccount;
import io.nexusconnect.kaufland.client.model.OrderUnit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The order units of one {@code id_order} (each a single piece, quantity 1) to one normalized {@link Order}.
 * Decision (BEHAVIOR.md): one line per quantity group — units of the same {@code id_offer} at the same price form
 * one line whose quantity is their count and whose line id is the smallest {@code id_order_unit}; shipped units
 * ({@code sent}, {@code received}, {@code sent_and_autopaid}, {@code returned}, {@code returned_paid}) count as
 * shipped. Cents become decimal strings with two places. The order total is the sum of price and shipping of the
 * units that are not cancelled. The sales channel is the storefront ({@code kaufland.de}).
 */
public final class OrderGrouper {
    static final Set<String> SHIPPED = Set.of("sent", "received", "sent_and_autopaid", "returned", "returned_paid");

    private OrderGrouper() {
    }

    /**
     * @throws IllegalArgumentException when a required field is missing; the caller reports a malformed answer
     */
    public static Order toOrder(List<OrderUnit> units, UUID connectionId, String tenantId, UUID syncId,
                                Instant observedAt) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("an order without units");
        }
        String idOrder = require(units.getFirst().idOrder(), "id_order");
        for (OrderUnit unit : units) {
            require(unit.idOrder(), "id_order");
            if (!idOrder.equals(unit.idOrder())) {
                throw new IllegalArgumentException("units of orders " + idOrder + " and " + unit.idOrder() + " mixed");
            }
            if (unit.idOrderUnit() == null || unit.price() == null) {
                throw new IllegalArgumentException("order " + idOrder + " has a unit without id_order_unit or price");
            }
            require(unit.currency(), "currency");
            require(unit.storefront(), "storefront");
            require(unit.status(), "status");
        }
        List<OrderUnit> sorted = units.stream().sorted(Comparator.comparing(OrderUnit::idOrderUnit)).toList();
        String currency = sorted.getFirst().currency();
        Map<String, List<OrderUnit>> groups = new LinkedHashMap<>();
        for (OrderUnit unit : sorted) {
            groups.computeIfAbsent(Objects.toString(unit.idOffer(), "") + "\u0000" + unit.price(),
                    k -> new java.util.ArrayList<>()).add(unit);
        }
        List<OrderLine> lines = groups.values().stream().map(OrderGrouper::line).toList();
        long totalCents = sorted.stream().filter(u -> !"cancelled".equals(u.status()))
                .mapToLong(u -> u.price() + (u.shippingRate() == null ? 0 : u.shippingRate())).sum();
        Instant purchasedAt = sorted.stream().map(u -> Instant.parse(require(u.tsCreatedIso(), "ts_created_iso")))
                .min(Comparator.naturalOrder()).orElseThrow();
        Instant updatedAt = sorted.stream().map(u -> Instant.parse(require(u.tsUpdatedIso(), "ts_updated_iso")))
                .max(Comparator.naturalOrder()).orElseThrow();
        return new Order(connectionId, tenantId, Marketplace.KAUFLAND, idOrder, idOrder, status(sorted),
                marketplaceStatus(sorted), purchasedAt, updatedAt, cents(totalCents, currency),
                KauflandAccount.salesChannel(sorted.getFirst().storefront()), sorted.getFirst().fulfillmentType(),
                lines, syncId, observedAt);
    }

    static OrderLine line(List<OrderUnit> group) {
        OrderUnit first = group.getFirst();
        int quantity = group.size();
        int shipped = (int) group.stream().filter(u -> SHIPPED.contains(u.status())).count();
        long shippingCents = group.stream().mapToLong(u -> u.shippingRate() == null ? 0 : u.shippingRate()).sum();
        OrderUnit.Product product = first.product();
        return new OrderLine(Long.toString(first.idOrderUnit()), first.idOffer(),
                product == null || product.idProduct() == null ? null : Long.toString(product.idProduct()),
                product == null ? null : product.title(), quantity, shipped, cents(first.price(), first.currency()),
                cents(first.price() * quantity, first.currency()), null,
                shippingCents == 0 ? null : cents(shippingCents, first.currency()), null);
    }

    /** Integer cents of the storefront's currency to a decimal amount with two places. */
    public static Money cents(long cents, String currency) {
        return Money.of(BigDecimal.valueOf(cents, 2), currency);
    }

    /**
     * All units cancelled: CANCELLED; all shipped: SHIPPED; some shipped: PARTIALLY_SHIPPED; any to be sent: UNSHIPPED;
     * only {@code open} (not yet paid/confirmed): PENDING. Cancelled units are ignored when others remain.
     */
    static OrderStatus status(List<OrderUnit> units) {
        List<String> live = units.stream().map(OrderUnit::status).filter(s -> !"cancelled".equals(s)).toList();
        if (live.isEmpty()) {
            return OrderStatus.CANCELLED;
        }
        long shipped = live.stream().filter(SHIPPED::contains).count();
        if (shipped == live.size()) {
            return OrderStatus.SHIPPED;
        }
        if (shipped > 0) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        if (live.contains("need_to_be_sent")) {
            return OrderStatus.UNSHIPPED;
        }
        return live.stream().allMatch("open"::equals) ? OrderStatus.PENDING : OrderStatus.UNKNOWN;
    }

    /** The unit statuses with their counts, e.g. {@code need_to_be_sent:2,sent:1}. */
    static String marketplaceStatus(List<OrderUnit> units) {
        return units.stream().collect(Collectors.groupingBy(OrderUnit::status, TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an order unit has no " + field);
        }
        return value;
    }
}

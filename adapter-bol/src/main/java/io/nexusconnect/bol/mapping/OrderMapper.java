package io.nexusconnect.bol.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.nexusconnect.adapterkit.mapping.JsonFields.decimal;
import static io.nexusconnect.adapterkit.mapping.JsonFields.requiredText;

/**
 * An order of {@code get-order} (retailer.json {@code Order} / {@code OrderOrderItem}) to a normalized {@link Order}.
 * bol's prices are EUR including VAT: {@code unitPrice} is one unit, {@code totalPrice} "the price the customer paid
 * for the entirety of this item" — the line total as bol states it, never recomputed; what quantity × unitPrice
 * exceeds it by is the line's discount. bol has no SKU: the line's SKU is {@code offer.reference}, else the EAN.
 */
public final class OrderMapper {
    public static final String CURRENCY = "EUR";

    private OrderMapper() {
    }

    /** @throws IllegalArgumentException when a required field is missing or unreadable (a malformed answer) */
    public static Order toOrder(JsonNode order, UUID connectionId, String tenantId, UUID syncId, Instant observedAt) {
        String orderId = requiredText(order, "orderId", "an order");
        JsonNode items = order.path("orderItems");
        if (!items.isArray() || items.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " has no orderItems");
        }
        Instant placed = time(order, "orderPlacedDateTime", orderId);
        Instant updated = placed;
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int quantity = 0;
        int shipped = 0;
        int cancelled = 0;
        String method = null;
        for (JsonNode item : items) {
            OrderLine line = line(item, orderId);
            lines.add(line);
            total = total.add(line.lineTotal().decimal());
            quantity += line.quantity();
            shipped += line.quantityShipped();
            cancelled += item.path("quantityCancelled").asInt(0);
            String itemMethod = item.path("fulfilment").path("method").asText(null);
            method = method == null ? itemMethod : method.equals(itemMethod) ? method : "MIXED";
            if (item.hasNonNull("latestChangedDateTime")) {
                Instant changed = time(item, "latestChangedDateTime", orderId);
                updated = changed.isAfter(updated) ? changed : updated;
            }
        }
        OrderStatus status = status(quantity, shipped, cancelled);
        return new Order(connectionId, tenantId, Marketplace.BOL, orderId, orderId, status, status.name(), placed,
                updated, Money.of(total, CURRENCY), "BOL_COM", method, lines, syncId, observedAt);
    }

    static OrderLine line(JsonNode item, String orderId) {
        String itemId = requiredText(item, "orderItemId", "an item of order " + orderId);
        int quantity = item.path("quantity").asInt(0);
        if (quantity < 1) {
            throw new IllegalArgumentException("item " + itemId + " has quantity " + quantity);
        }
        BigDecimal unitPrice = decimal(item.path("unitPrice"), "unitPrice of item " + itemId);
        BigDecimal lineTotal = item.hasNonNull("totalPrice")
                ? decimal(item.path("totalPrice"), "totalPrice of item " + itemId)
                : unitPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal discount = unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(lineTotal);
        String ean = item.path("product").path("ean").asText(item.path("ean").asText(null));
        String reference = item.path("offer").path("reference").asText("");
        String sku = reference.isBlank() ? ean : reference;
        return new OrderLine(itemId, sku, ean, item.path("product").path("title").asText(null), quantity,
                Math.min(quantity, item.path("quantityShipped").asInt(0)), Money.of(unitPrice, CURRENCY),
                Money.of(lineTotal, CURRENCY), null, null,
                discount.signum() > 0 ? Money.of(discount, CURRENCY) : null);
    }

    /** Every unit cancelled → CANCELLED; every live unit shipped → SHIPPED; some → PARTIALLY_SHIPPED; else UNSHIPPED. */
    static OrderStatus status(int quantity, int shipped, int cancelled) {
        int live = quantity - cancelled;
        if (live <= 0) {
            return OrderStatus.CANCELLED;
        }
        if (shipped >= live) {
            return OrderStatus.SHIPPED;
        }
        return shipped > 0 ? OrderStatus.PARTIALLY_SHIPPED : OrderStatus.UNSHIPPED;
    }

    /** The latest {@code latestChangedDateTime} of a listed (reduced) order: when bol last changed it. */
    public static Instant latestChange(JsonNode reducedOrder) {
        String orderId = reducedOrder.path("orderId").asText("?");
        Instant latest = time(reducedOrder, "orderPlacedDateTime", orderId);
        for (JsonNode item : reducedOrder.path("orderItems")) {
            if (item.hasNonNull("latestChangedDateTime")) {
                Instant changed = time(item, "latestChangedDateTime", orderId);
                latest = changed.isAfter(latest) ? changed : latest;
            }
        }
        return latest;
    }

    private static Instant time(JsonNode node, String field, String orderId) {
        try {
            return OffsetDateTime.parse(requiredText(node, field, "order " + orderId)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " of order " + orderId + " is not an ISO 8601 date-time");
        }
    }
}

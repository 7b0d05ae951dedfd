package io.nexusconnect.walmart.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.nexusconnect.adapterkit.mapping.JsonFields.decimal;
import static io.nexusconnect.adapterkit.mapping.JsonFields.requiredText;

/**
 * A purchase order of getAllOrders (orders.json {@code Order}) to a normalized {@link Order}. Walmart's orders have no
 * status of their own; the lines' statuses decide it. Each line is priced from {@code charges.charge[]}: PRODUCT
 * charges are the price, SHIPPING charges the shipping, every charge's {@code tax.taxAmount} the tax; whether a
 * charge's amount is per unit or for the whole line is the {@link ChargeBasis} (uncertain, BEHAVIOR.md).
 */
public final class OrderMapper {
    public enum ChargeBasis { UNIT, LINE }

    private OrderMapper() {
    }

    /** @throws IllegalArgumentException when a required field is missing or unreadable (a malformed page) */
    public static Order toOrder(JsonNode order, ChargeBasis basis, UUID connectionId, String tenantId,
                                String currencyOverride, UUID syncId, Instant observedAt) {
        String po = text(order, "purchaseOrderId");
        JsonNode lineNodes = order.path("orderLines").path("orderLine");
        if (!lineNodes.isArray() || lineNodes.isEmpty()) {
            throw new IllegalArgumentException("purchase order " + po + " has no orderLines");
        }
        List<OrderLine> lines = new ArrayList<>();
        Set<String> statuses = new LinkedHashSet<>();
        Instant updated = Instant.ofEpochMilli(millis(order, "orderDate"));
        for (JsonNode line : lineNodes) {
            lines.add(line(line, basis, currencyOverride));
            for (JsonNode status : line.path("orderLineStatuses").path("orderLineStatus")) {
                statuses.add(status.path("status").asText());
            }
            if (line.path("statusDate").canConvertToLong()) {
                Instant statusDate = Instant.ofEpochMilli(line.path("statusDate").asLong());
                updated = statusDate.isAfter(updated) ? statusDate : updated;
            }
        }
        String currency = lines.getFirst().lineTotal().currency();
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            total = total.add(line.lineTotal().decimal()).add(amount(line.tax())).add(amount(line.shipping()));
        }
        return new Order(connectionId, tenantId, Marketplace.WALMART, po,
                order.path("customerOrderId").asText(po), status(statuses), String.join(",", statuses),
                Instant.ofEpochMilli(millis(order, "orderDate")), updated, Money.of(total, currency), "WALMART_US",
                order.path("shipNode").path("type").asText(null), lines, syncId, observedAt);
    }

    /** Whether every line of the order is still Created: the orders Walmart wants acknowledged. */
    public static boolean awaitsAcknowledgement(JsonNode order) {
        JsonNode lines = order.path("orderLines").path("orderLine");
        if (!lines.isArray() || lines.isEmpty()) {
            return false;
        }
        for (JsonNode line : lines) {
            for (JsonNode status : line.path("orderLineStatuses").path("orderLineStatus")) {
                if (!"Created".equals(status.path("status").asText())) {
                    return false;
                }
            }
        }
        return true;
    }

    static OrderLine line(JsonNode line, ChargeBasis basis, String currencyOverride) {
        String lineNumber = text(line, "lineNumber");
        int quantity;
        try {
            quantity = new BigDecimal(text(line.path("orderLineQuantity"), "amount")).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("line " + lineNumber + " has an unreadable orderLineQuantity");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("line " + lineNumber + " has quantity " + quantity);
        }
        BigDecimal product = null;
        BigDecimal shipping = null;
        BigDecimal tax = null;
        String currency = currencyOverride;
        for (JsonNode charge : line.path("charges").path("charge")) {
            JsonNode amount = charge.path("chargeAmount");
            BigDecimal value = decimal(amount.path("amount"), "chargeAmount of line " + lineNumber);
            if (currency == null) {
                currency = amount.path("currency").asText(null);
            }
            if ("SHIPPING".equals(charge.path("chargeType").asText())) {
                shipping = add(shipping, value);
            } else if ("PRODUCT".equals(charge.path("chargeType").asText())) {
                product = add(product, value);
            }
            JsonNode taxAmount = charge.path("tax").path("taxAmount").path("amount");
            if (!taxAmount.isMissingNode() && !taxAmount.isNull()) {
                tax = add(tax, decimal(taxAmount, "taxAmount of line " + lineNumber));
            }
        }
        if (product == null) {
            throw new IllegalArgumentException("line " + lineNumber + " has no PRODUCT charge");
        }
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("line " + lineNumber + " has no currency");
        }
        BigDecimal qty = BigDecimal.valueOf(quantity);
        BigDecimal lineTotal = basis == ChargeBasis.UNIT ? product.multiply(qty) : product;
        BigDecimal unitPrice = basis == ChargeBasis.UNIT ? product
                : product.divide(qty, Math.max(product.scale(), 2), RoundingMode.HALF_EVEN);
        int shipped = 0;
        for (JsonNode status : line.path("orderLineStatuses").path("orderLineStatus")) {
            String name = status.path("status").asText();
            if ("Shipped".equals(name) || "Delivered".equals(name)) {
                shipped += status.path("statusQuantity").path("amount").asInt(0);
            }
        }
        return new OrderLine(lineNumber, line.path("item").path("sku").asText(null), null,
                line.path("item").path("productName").asText(null), quantity, Math.min(shipped, quantity),
                Money.of(unitPrice, currency), Money.of(lineTotal, currency),
                tax == null ? null : Money.of(perLine(tax, basis, qty), currency),
                shipping == null ? null : Money.of(perLine(shipping, basis, qty), currency), null);
    }

    /**
     * The lines' statuses to one: all cancelled → CANCELLED; all shipped or delivered (cancelled ones aside) →
     * SHIPPED; some → PARTIALLY_SHIPPED; Created / Acknowledged → UNSHIPPED (released to the seller to fulfil).
     */
    static OrderStatus status(Set<String> statuses) {
        Set<String> live = new LinkedHashSet<>(statuses);
        live.remove("Cancelled");
        live.remove("Refund");
        if (live.isEmpty()) {
            return statuses.contains("Cancelled") ? OrderStatus.CANCELLED : OrderStatus.UNKNOWN;
        }
        long shipped = live.stream().filter(s -> s.equals("Shipped") || s.equals("Delivered")).count();
        if (shipped == live.size()) {
            return OrderStatus.SHIPPED;
        }
        if (shipped > 0) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        return live.stream().allMatch(s -> s.equals("Created") || s.equals("Acknowledged"))
                ? OrderStatus.UNSHIPPED : OrderStatus.UNKNOWN;
    }

    private static BigDecimal perLine(BigDecimal amount, ChargeBasis basis, BigDecimal quantity) {
        return basis == ChargeBasis.UNIT ? amount.multiply(quantity) : amount;
    }

    private static BigDecimal amount(Money money) {
        return money == null ? BigDecimal.ZERO : money.decimal();
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        return sum == null ? value : sum.add(value);
    }

    private static long millis(JsonNode node, String field) {
        if (!node.path(field).canConvertToLong()) {
            throw new IllegalArgumentException("a purchase order has no " + field);
        }
        return node.path(field).asLong();
    }

    private static String text(JsonNode node, String field) {
        return requiredText(node, field, "a purchase order");
    }
}

package io.nexusconnect.sims.shopify.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order of the shop; immutable, replaced on change (with a new {@code updatedAt}). */
public record SimOrder(long number, String name, Instant createdAt, Instant updatedAt, Instant cancelledAt,
                       String financialStatus, String fulfillmentStatus, String currencyCode, BigDecimal shipping,
                       List<SimLineItem> lines) {

    public SimOrder {
        lines = List.copyOf(lines);
    }

    public String id() {
        return Gid.of("Order", number);
    }

    public BigDecimal subtotal() {
        return lines.stream().map(SimLineItem::discountedTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal discounts() {
        return lines.stream().map(SimLineItem::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal tax() {
        return lines.stream().map(SimLineItem::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal total() {
        return subtotal().add(tax()).add(shipping);
    }

    public SimOrder withStatus(String financial, String fulfillment, Instant cancelled, Instant now) {
        return new SimOrder(number, name, createdAt, now, cancelled, financial, fulfillment, currencyCode, shipping,
                lines);
    }
}

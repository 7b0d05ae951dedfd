package io.nexusconnect.sims.shopify.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An order line. Prices follow the LineItem reference: {@code originalUnitPrice} is the unit price before discounts,
 * {@code originalTotal} = unit price × quantity, {@code discount} is what discount allocations take off the line,
 * {@code tax} the sum of its tax lines.
 */
public record SimLineItem(long number, String sku, String title, long variantNumber, int quantity, int fulfilled,
                          BigDecimal originalUnitPrice, BigDecimal discount, BigDecimal taxRate) {

    public String id() {
        return Gid.of("LineItem", number);
    }

    public BigDecimal originalTotal() {
        return originalUnitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The line after every discount allocation. */
    public BigDecimal discountedTotal() {
        return originalTotal().subtract(discount);
    }

    public BigDecimal discountedUnitPrice() {
        return discountedTotal().divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_EVEN);
    }

    public BigDecimal tax() {
        return discountedTotal().multiply(taxRate).setScale(2, RoundingMode.HALF_EVEN);
    }
}

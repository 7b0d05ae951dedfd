package io.nexusconnect.sims.ebay.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of an eBay order. Money follows the Fulfillment API's definitions: {@code lineItemCost} is the unit price
 * times the quantity before discounts; {@code total} adds delivery and (with TAX_BREAKDOWN) the collect-and-remit tax
 * and subtracts the discount.
 *
 * @param discount a positive amount taken off by a promotion (the API shows it negative in appliedPromotions)
 * @param tax      US sales tax eBay collects and remits (the seller never receives it)
 */
public record EbayLineItem(String lineItemId, String legacyItemId, String sku, String title, int quantity,
                           BigDecimal unitPrice, BigDecimal deliveryCost, BigDecimal tax, BigDecimal discount,
                           String fulfillmentStatus) {

    public EbayLineItem {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    public BigDecimal lineItemCost() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The line total as getOrders shows it: with the collect-and-remit tax only when TAX_BREAKDOWN was asked. */
    public BigDecimal total(boolean taxBreakdown) {
        BigDecimal total = lineItemCost().add(deliveryCost).subtract(discount);
        return taxBreakdown ? total.add(tax) : total;
    }

    public EbayLineItem withFulfillmentStatus(String status) {
        return new EbayLineItem(lineItemId, legacyItemId, sku, title, quantity, unitPrice, deliveryCost, tax, discount,
                status);
    }
}

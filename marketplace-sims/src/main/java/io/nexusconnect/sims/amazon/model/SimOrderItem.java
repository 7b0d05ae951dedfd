package io.nexusconnect.sims.amazon.model;

import java.math.BigDecimal;

/**
 * One v0 {@code OrderItem}. Amounts are line amounts in the order's currency, except {@code unitPrice}:
 * {@link #itemPrice()} is unit price times quantity, as the model defines {@code ItemPrice}.
 */
public record SimOrderItem(String orderItemId, String asin, String sellerSku, String title, int quantityOrdered,
                           int quantityShipped, BigDecimal unitPrice, BigDecimal itemTax, BigDecimal shippingPrice,
                           BigDecimal promotionDiscount) {

    public SimOrderItem {
        if (quantityOrdered < 1 || quantityShipped < 0 || quantityShipped > quantityOrdered) {
            throw new IllegalArgumentException("quantities out of range for order item " + orderItemId);
        }
    }

    public BigDecimal itemPrice() {
        return unitPrice.multiply(BigDecimal.valueOf(quantityOrdered));
    }

    public int quantityUnshipped() {
        return quantityOrdered - quantityShipped;
    }

    public SimOrderItem withQuantityShipped(int shipped) {
        return new SimOrderItem(orderItemId, asin, sellerSku, title, quantityOrdered, shipped, unitPrice, itemTax,
                shippingPrice, promotionDiscount);
    }
}

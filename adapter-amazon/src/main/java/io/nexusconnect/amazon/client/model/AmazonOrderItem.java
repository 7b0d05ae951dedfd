package io.nexusconnect.amazon.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An Orders v0 {@code OrderItem}. {@code ItemPrice} is the price of the whole line (unit price × quantity). */
public record AmazonOrderItem(
        @JsonProperty("ASIN") String asin,
        @JsonProperty("SellerSKU") String sellerSku,
        @JsonProperty("OrderItemId") String orderItemId,
        @JsonProperty("Title") String title,
        @JsonProperty("QuantityOrdered") Integer quantityOrdered,
        @JsonProperty("QuantityShipped") Integer quantityShipped,
        @JsonProperty("ItemPrice") AmazonMoney itemPrice,
        @JsonProperty("ItemTax") AmazonMoney itemTax,
        @JsonProperty("ShippingPrice") AmazonMoney shippingPrice,
        @JsonProperty("PromotionDiscount") AmazonMoney promotionDiscount) {
}

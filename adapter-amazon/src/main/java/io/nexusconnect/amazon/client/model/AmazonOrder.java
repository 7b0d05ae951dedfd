package io.nexusconnect.amazon.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The fields of an Orders v0 {@code Order} the adapter maps; the required ones per the model are checked on read. */
public record AmazonOrder(
        @JsonProperty("AmazonOrderId") String amazonOrderId,
        @JsonProperty("SellerOrderId") String sellerOrderId,
        @JsonProperty("PurchaseDate") String purchaseDate,
        @JsonProperty("LastUpdateDate") String lastUpdateDate,
        @JsonProperty("OrderStatus") String orderStatus,
        @JsonProperty("FulfillmentChannel") String fulfillmentChannel,
        @JsonProperty("SalesChannel") String salesChannel,
        @JsonProperty("OrderTotal") AmazonMoney orderTotal,
        @JsonProperty("MarketplaceId") String marketplaceId,
        @JsonProperty("NumberOfItemsShipped") Integer numberOfItemsShipped,
        @JsonProperty("NumberOfItemsUnshipped") Integer numberOfItemsUnshipped) {
}

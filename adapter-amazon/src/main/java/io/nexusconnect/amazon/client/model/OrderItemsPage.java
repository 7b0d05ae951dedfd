package io.nexusconnect.amazon.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code GetOrderItemsResponse.payload} ({@code OrderItemsList}). */
public record OrderItemsPage(
        @JsonProperty("AmazonOrderId") String amazonOrderId,
        @JsonProperty("OrderItems") List<AmazonOrderItem> orderItems,
        @JsonProperty("NextToken") String nextToken) {
}

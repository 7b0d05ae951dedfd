package io.nexusconnect.amazon.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code GetOrdersResponse.payload} ({@code OrdersList}). */
public record OrdersPage(
        @JsonProperty("Orders") List<AmazonOrder> orders,
        @JsonProperty("NextToken") String nextToken,
        @JsonProperty("LastUpdatedBefore") String lastUpdatedBefore) {
}

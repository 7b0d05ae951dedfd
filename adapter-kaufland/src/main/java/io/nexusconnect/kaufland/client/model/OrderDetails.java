package io.nexusconnect.kaufland.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code ApiResponse_OrderDetails_}: the order with all its units. */
public record OrderDetails(Data data) {
    public record Data(@JsonProperty("id_order") String idOrder,
                       @JsonProperty("order_units") List<OrderUnit> orderUnits) {
    }
}

package io.nexusconnect.kaufland.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The fields of the spec's {@code OrderUnit} the adapter reads; prices are integer cents. */
public record OrderUnit(@JsonProperty("id_order_unit") Long idOrderUnit,
                        @JsonProperty("id_order") String idOrder,
                        @JsonProperty("ts_created_iso") String tsCreatedIso,
                        @JsonProperty("ts_updated_iso") String tsUpdatedIso,
                        String status,
                        Long price,
                        @JsonProperty("id_offer") String idOffer,
                        @JsonProperty("shipping_rate") Long shippingRate,
                        String storefront,
                        String currency,
                        @JsonProperty("fulfillment_type") String fulfillmentType,
                        Product product) {

    public record Product(@JsonProperty("id_product") Long idProduct, String title, List<String> eans) {
    }
}

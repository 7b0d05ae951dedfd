package io.nexusconnect.kaufland.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The fields of the spec's {@code Unit} (an offer on one storefront) the adapter reads. */
public record Unit(@JsonProperty("id_unit") Long idUnit,
                   @JsonProperty("id_offer") String idOffer,
                   @JsonProperty("id_product") Long idProduct,
                   Integer amount,
                   @JsonProperty("listing_price") Long listingPrice,
                   Long price,
                   String currency,
                   String condition,
                   String status,
                   String storefront,
                   @JsonProperty("date_inserted_iso") String dateInsertedIso,
                   @JsonProperty("date_lastchange_iso") String dateLastchangeIso,
                   @JsonProperty("fulfillment_type") String fulfillmentType) {
}

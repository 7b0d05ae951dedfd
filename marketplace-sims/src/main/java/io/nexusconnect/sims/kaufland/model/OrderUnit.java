package io.nexusconnect.sims.kaufland.model;

import java.time.Instant;

/** One sold item (quantity 1) of a Kaufland order; prices are integer cents of the storefront's currency. */
public record OrderUnit(long idOrderUnit, String idOrder, String storefront, String currency, String idOffer,
                        String ean, String title, long price, long shippingRate, String status,
                        Instant tsCreated, Instant tsUpdated, String buyerEmail, String shippingCountry) {
}

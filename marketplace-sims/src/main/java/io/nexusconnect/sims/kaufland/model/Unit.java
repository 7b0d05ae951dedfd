package io.nexusconnect.sims.kaufland.model;

import java.time.Instant;

/** A seller's offer on one storefront ({@code id_offer} is the seller's SKU); stock is {@code amount}. */
public record Unit(long idUnit, String idOffer, long idProduct, String ean, String title, String storefront,
                   String currency, int amount, long listingPrice, long minimumPrice, String status,
                   Instant lastChange) {

    public Unit withAmount(int value, Instant now) {
        return new Unit(idUnit, idOffer, idProduct, ean, title, storefront, currency, value, listingPrice,
                minimumPrice, status, now);
    }
}

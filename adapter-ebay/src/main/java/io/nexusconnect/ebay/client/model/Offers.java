package io.nexusconnect.ebay.client.model;

import java.util.List;

/** getOffers' {@code Offers}: a SKU's offers, each with its listing when published. */
public record Offers(List<Offer> offers) {

    public record Offer(String offerId, String sku, String marketplaceId, String format, String status,
                        Integer availableQuantity, PricingSummary pricingSummary, Listing listing) {
    }

    public record PricingSummary(EbayAmount price) {
    }

    public record Listing(String listingId, String listingStatus, Boolean listingOnHold, Integer soldQuantity) {
    }
}

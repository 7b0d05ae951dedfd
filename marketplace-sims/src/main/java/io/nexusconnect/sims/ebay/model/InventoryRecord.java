package io.nexusconnect.sims.ebay.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An inventory item (the seller's product and its ship-to-home quantity) with its one offer on the demo marketplace.
 *
 * @param offerStatus   PUBLISHED | UNPUBLISHED (an unpublished offer has no listing)
 * @param listingStatus ListingStatusEnum: ACTIVE | OUT_OF_STOCK | INACTIVE | ENDED | EBAY_ENDED | NOT_LISTED;
 *                      null when not published
 */
public record InventoryRecord(String sku, String title, String condition, int quantity, String offerId,
                              String offerStatus, String listingId, String listingStatus, boolean listingOnHold,
                              int soldQuantity, BigDecimal price, String currency, Instant updatedAt) {

    public boolean published() {
        return "PUBLISHED".equals(offerStatus);
    }

    public InventoryRecord withQuantity(int newQuantity, Instant now) {
        String status = listingStatus;
        if (published() && !listingOnHold) {
            if (newQuantity == 0 && "ACTIVE".equals(listingStatus)) {
                status = "OUT_OF_STOCK";
            } else if (newQuantity > 0 && "OUT_OF_STOCK".equals(listingStatus)) {
                status = "ACTIVE";
            }
        }
        return new InventoryRecord(sku, title, condition, newQuantity, offerId, offerStatus, listingId, status,
                listingOnHold, soldQuantity, price, currency, now);
    }

    public InventoryRecord withPrice(BigDecimal newPrice, Instant now) {
        return new InventoryRecord(sku, title, condition, quantity, offerId, offerStatus, listingId, listingStatus,
                listingOnHold, soldQuantity, newPrice, currency, now);
    }

    public InventoryRecord withListing(String newOfferStatus, String newListingStatus, boolean onHold, Instant now) {
        return new InventoryRecord(sku, title, condition, quantity, offerId, newOfferStatus,
                listingId, newListingStatus, onHold, soldQuantity, price,
                currency, now);
    }
}

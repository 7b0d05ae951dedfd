package io.nexusconnect.ebay.mapping;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.ebay.client.model.InventoryItemsPage.InventoryItem;
import io.nexusconnect.ebay.client.model.Offers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An inventory item and its offer on the connection's marketplace to a normalized {@link Product} (keyed by SKU, with
 * the listing-health verdict) and an {@link InventoryLevel} of the ship-to-home quantity, which eBay's listings show
 * (as the lower of it and an offer's availableQuantity, KBid 5100) and which the seller ships themselves.
 */
public final class ListingMapper {
    private ListingMapper() {
    }

    public static Product toProduct(InventoryItem item, Optional<Offers.Offer> offer, String marketplaceId,
                                    UUID connectionId, String tenantId, String currencyOverride, UUID syncId,
                                    Instant observedAt) {
        if (item.sku() == null || item.sku().isBlank()) {
            throw new IllegalArgumentException("an inventory item without sku");
        }
        Offers.Listing listing = offer.map(Offers.Offer::listing).orElse(null);
        List<String> statuses = new ArrayList<>();
        offer.map(Offers.Offer::status).ifPresent(statuses::add);
        if (listing != null && listing.listingStatus() != null) {
            statuses.add(listing.listingStatus());
        }
        if (listing != null && Boolean.TRUE.equals(listing.listingOnHold())) {
            statuses.add("ON_HOLD");
        }
        Money price = offer.map(Offers.Offer::pricingSummary).map(Offers.PricingSummary::price)
                .map(p -> OrderMapper.money(p, currencyOverride)).orElse(null);
        return new Product(connectionId, tenantId, Marketplace.EBAY, item.sku(), item.sku(),
                listing == null ? null : listing.listingId(), item.product() == null ? null : item.product().title(),
                item.condition(), statuses, marketplaceId, price, null, null, syncId, observedAt, health(offer));
    }

    /** Null when eBay gave no ship-to-home quantity for the item. */
    public static Optional<InventoryLevel> toInventory(InventoryItem item, UUID connectionId, String tenantId,
                                                       UUID syncId, Instant observedAt) {
        Integer quantity = item.shipToHomeQuantity();
        if (quantity == null) {
            return Optional.empty();
        }
        return Optional.of(new InventoryLevel(connectionId, tenantId, Marketplace.EBAY, item.sku(), quantity,
                InventoryLevel.SELLER_FULFILLED, syncId, observedAt,
                List.of(new InventoryLevel.ChannelQuantity(InventoryLevel.SELLER_FULFILLED, quantity))));
    }

    /**
     * The verdict (BEHAVIOR.md): no offer or an unpublished one is INCOMPLETE (not listed yet), a listing on hold for a
     * policy violation SUPPRESSED, ACTIVE is ACTIVE, OUT_OF_STOCK / INACTIVE / ENDED INACTIVE, EBAY_ENDED (ended by
     * eBay) SUPPRESSED, NOT_LISTED INCOMPLETE.
     */
    static ListingHealth health(Optional<Offers.Offer> offer) {
        if (offer.isEmpty()) {
            return issue(ListingHealth.Verdict.INCOMPLETE, "NO_OFFER", ListingHealth.Severity.ERROR,
                    "The inventory item has no offer on this marketplace: it is not listed.");
        }
        Offers.Listing listing = offer.get().listing();
        if (!"PUBLISHED".equals(offer.get().status()) || listing == null) {
            return issue(ListingHealth.Verdict.INCOMPLETE, "OFFER_UNPUBLISHED", ListingHealth.Severity.WARNING,
                    "The offer is not published: publish it to create a live listing.");
        }
        if (Boolean.TRUE.equals(listing.listingOnHold())) {
            return issue(ListingHealth.Verdict.SUPPRESSED, "LISTING_ON_HOLD", ListingHealth.Severity.ERROR,
                    "The listing is on hold due to an eBay policy violation.");
        }
        String status = listing.listingStatus() == null ? "" : listing.listingStatus();
        return switch (status) {
            case "ACTIVE" -> new ListingHealth(ListingHealth.Verdict.ACTIVE, List.of());
            case "OUT_OF_STOCK" -> issue(ListingHealth.Verdict.INACTIVE, status, ListingHealth.Severity.WARNING,
                    "The listing is out of stock.");
            case "EBAY_ENDED" -> issue(ListingHealth.Verdict.SUPPRESSED, status, ListingHealth.Severity.ERROR,
                    "eBay ended the listing.");
            case "NOT_LISTED" -> issue(ListingHealth.Verdict.INCOMPLETE, status, ListingHealth.Severity.WARNING,
                    "The offer is not listed.");
            default -> issue(ListingHealth.Verdict.INACTIVE, status.isEmpty() ? "UNKNOWN" : status,
                    ListingHealth.Severity.INFO, "The listing is not live (" + (status.isEmpty() ? "no status" : status)
                            + ").");
        };
    }

    private static ListingHealth issue(ListingHealth.Verdict verdict, String code, ListingHealth.Severity severity,
                                       String message) {
        return new ListingHealth(verdict, List.of(new ListingHealth.Issue(code, severity, message)));
    }
}

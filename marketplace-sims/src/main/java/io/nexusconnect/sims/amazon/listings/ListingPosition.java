package io.nexusconnect.sims.amazon.listings;

import io.nexusconnect.sims.amazon.model.SimListing;

import java.util.Comparator;

/**
 * Where a listing sorts under a {@code sortBy}: the sort value as a comparable string (dates as zero-padded epoch
 * seconds), ties broken by SKU. A pageToken stores the position of the last item served.
 */
record ListingPosition(String key, String sku) {
    static final Comparator<ListingPosition> ORDER =
            Comparator.comparing(ListingPosition::key).thenComparing(ListingPosition::sku);

    static ListingPosition of(SimListing listing, String sortBy) {
        String key = switch (sortBy) {
            case "sku" -> listing.sku();
            case "createdDate" -> String.format("%020d", listing.createdDate().getEpochSecond());
            default -> String.format("%020d", listing.lastUpdatedDate().getEpochSecond());
        };
        return new ListingPosition(key, listing.sku());
    }
}

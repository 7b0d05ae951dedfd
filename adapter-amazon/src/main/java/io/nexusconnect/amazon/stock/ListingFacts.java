package io.nexusconnect.amazon.stock;

import io.nexusconnect.adapterkit.stock.StockWriter.Rejection;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.client.model.ListingItem;
import io.nexusconnect.amazon.mapping.ListingMapper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What both stock paths (PATCH per SKU, listings feed) read from a listing before they set its quantity. */
final class ListingFacts {
    /** The model's generic product type, accepted when the listing's own is unknown (reference §1.2). */
    static final String FALLBACK_PRODUCT_TYPE = "PRODUCT";

    private ListingFacts() {
    }

    /**
     * An FBA-only SKU is refused, not sent: Amazon manages its quantity, and a DEFAULT entry would turn the offer into
     * a merchant-fulfilled one.
     */
    static Optional<Rejection> fulfilledByAmazonOnly(String sku, ListingItem listing) {
        List<String> channels = listing.fulfillmentAvailability() == null ? List.of()
                : listing.fulfillmentAvailability().stream().map(ListingItem.FulfillmentAvailability::fulfillmentChannelCode)
                .filter(Objects::nonNull).toList();
        if (!channels.isEmpty() && !channels.contains(ListingMapper.MERCHANT_FULFILLED)) {
            return Optional.of(new Rejection(sku, "fulfilled by Amazon only (" + String.join(", ", channels)
                    + "): Amazon manages its quantity; only the DEFAULT (merchant-fulfilled) quantity is set"));
        }
        return Optional.empty();
    }

    /** The listing's product type, preferring a summary of the connection's marketplaces. */
    static String productType(ListingItem listing, AmazonAccount account) {
        if (listing.summaries() == null) {
            return FALLBACK_PRODUCT_TYPE;
        }
        return listing.summaries().stream()
                .filter(s -> s.productType() != null && !s.productType().isBlank())
                .sorted((a, b) -> Boolean.compare(!account.marketplaceIds().contains(a.marketplaceId()),
                        !account.marketplaceIds().contains(b.marketplaceId())))
                .map(ListingItem.Summary::productType)
                .findFirst().orElse(FALLBACK_PRODUCT_TYPE);
    }
}

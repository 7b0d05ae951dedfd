package io.nexusconnect.amazon.mapping;

import io.nexusconnect.amazon.client.model.ListingItem;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Product;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A Listings Items {@code Item} to one {@link Product} (per SKU, for the connection's first marketplace that has a
 * summary) and one {@link InventoryLevel} per fulfillment channel it reports.
 */
public final class ListingMapper {
    private ListingMapper() {
    }

    public static Product toProduct(ListingItem item, List<String> marketplaceIds, UUID connectionId, String tenantId,
                                    String currencyOverride, UUID syncId, Instant observedAt) {
        if (item.sku() == null || item.sku().isBlank()) {
            throw new IllegalArgumentException("a listings item has no sku");
        }
        ListingItem.Summary summary = pick(item.summaries(), marketplaceIds);
        String marketplaceId = summary != null ? summary.marketplaceId() : marketplaceIds.getFirst();
        ListingItem.Offer offer = item.offers() == null ? null : item.offers().stream()
                .filter(o -> o.price() != null && marketplaceId.equals(o.marketplaceId()))
                .filter(o -> o.offerType() == null || "B2C".equals(o.offerType()))
                .findFirst().orElse(null);
        Money price = offer == null ? null
                : MoneyMapping.money(offer.price().amount(), offer.price().currencyCode(), currencyOverride, marketplaceId);
        return new Product(connectionId, tenantId, Marketplace.AMAZON, item.sku(), item.sku(),
                summary == null ? null : summary.asin(), summary == null ? null : summary.itemName(),
                summary == null ? null : summary.productType(),
                summary == null || summary.status() == null ? List.of() : summary.status(), marketplaceId, price,
                summary == null ? null : instant(summary.createdDate()),
                summary == null ? null : instant(summary.lastUpdatedDate()), syncId, observedAt);
    }

    public static List<InventoryLevel> toInventory(ListingItem item, UUID connectionId, String tenantId, UUID syncId,
                                                   Instant observedAt) {
        if (item.fulfillmentAvailability() == null) {
            return List.of();
        }
        return item.fulfillmentAvailability().stream()
                .filter(a -> a.fulfillmentChannelCode() != null)
                .map(a -> new InventoryLevel(connectionId, tenantId, Marketplace.AMAZON, item.sku(),
                        a.quantity() == null ? 0 : Math.max(0, a.quantity()), a.fulfillmentChannelCode(), syncId, observedAt))
                .toList();
    }

    /** The last-updated date of the item, for continuing past Amazon's 1000-result paging limit. */
    public static Instant lastUpdated(ListingItem item) {
        return item.summaries() == null ? null : item.summaries().stream()
                .map(ListingItem.Summary::lastUpdatedDate).filter(Objects::nonNull).map(ListingMapper::instant)
                .max(Instant::compareTo).orElse(null);
    }

    private static ListingItem.Summary pick(List<ListingItem.Summary> summaries, List<String> marketplaceIds) {
        if (summaries == null || summaries.isEmpty()) {
            return null;
        }
        for (String id : marketplaceIds) {
            for (ListingItem.Summary summary : summaries) {
                if (id.equals(summary.marketplaceId())) {
                    return summary;
                }
            }
        }
        return summaries.getFirst();
    }

    private static Instant instant(String value) {
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }
}

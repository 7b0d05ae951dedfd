package io.nexusconnect.amazon.mapping;

import io.nexusconnect.amazon.client.model.ListingItem;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Product;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A Listings Items {@code Item} to one {@link Product} (per SKU, for the connection's first marketplace that has a
 * summary) and one {@link InventoryLevel} per SKU with the quantity of every fulfillment channel it reports.
 */
public final class ListingMapper {
    /** Amazon's fulfillment channel code of merchant-fulfilled (MFN) stock. */
    public static final String MERCHANT_FULFILLED = "DEFAULT";

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
                summary == null ? null : instant(summary.lastUpdatedDate()), syncId, observedAt,
                ListingHealthMapper.health(item, summary, marketplaceId));
    }

    /**
     * One level per SKU (the topic is keyed {@code connectionId/sku}, so one record per channel would overwrite each
     * other on the compacted view): {@code quantity} is the merchant-fulfilled DEFAULT quantity nexus manages and
     * pushes back, or, for an FBA-only SKU, the first FBA channel reported; {@code channels} keeps every channel.
     * Empty when Amazon reports no fulfillment availability for the SKU.
     */
    public static Optional<InventoryLevel> toInventory(ListingItem item, UUID connectionId, String tenantId, UUID syncId,
                                                       Instant observedAt) {
        if (item.fulfillmentAvailability() == null) {
            return Optional.empty();
        }
        Map<String, Integer> byChannel = new LinkedHashMap<>();
        for (ListingItem.FulfillmentAvailability availability : item.fulfillmentAvailability()) {
            if (availability.fulfillmentChannelCode() != null && !availability.fulfillmentChannelCode().isBlank()) {
                byChannel.putIfAbsent(availability.fulfillmentChannelCode(),
                        availability.quantity() == null ? 0 : Math.max(0, availability.quantity()));
            }
        }
        if (byChannel.isEmpty()) {
            return Optional.empty();
        }
        String primary = byChannel.containsKey(MERCHANT_FULFILLED) ? MERCHANT_FULFILLED : byChannel.keySet().iterator().next();
        List<InventoryLevel.ChannelQuantity> channels = byChannel.entrySet().stream()
                .map(e -> new InventoryLevel.ChannelQuantity(e.getKey(), e.getValue()))
                .toList();
        return Optional.of(new InventoryLevel(connectionId, tenantId, Marketplace.AMAZON, item.sku(), byChannel.get(primary),
                primary, syncId, observedAt, channels));
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

package io.nexusconnect.orchestrator.stock;

import io.nexusconnect.contracts.Topics;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The fan-out's state of one SKU of one tenant, kept in the compacted {@link StockTopics#STATE} under
 * {@code tenantId/sku}: the system of record's quantity and, per connection that lists the SKU, what we last sent it
 * and what it last reported.
 *
 * @param available the latest available quantity; null until a stock level or a marketplace change said one
 */
public record SkuStock(String tenantId, String sku, Integer available, Map<UUID, Listing> listings) {
    public static final String TYPE = "io.nexusconnect.orchestrator.sku-stock.v1";

    public SkuStock {
        listings = listings == null ? Map.of() : Map.copyOf(listings);
    }

    /**
     * @param lastSent     the quantity of the last SetStock for this connection and SKU; null before the first
     * @param lastSentAt   when it was sent; reports observed before it describe the marketplace before our command
     * @param lastReported what the marketplace last reported; null when it only listed the SKU
     * @param heldByMarketplace the marketplace's own fulfillment holds this listing's stock (FBA-only): never sent
     */
    public record Listing(Integer lastSent, Instant lastSentAt, Integer lastReported, boolean heldByMarketplace) {
        static final Listing NEW = new Listing(null, null, null, false);

        Listing sent(int quantity, Instant at) {
            return new Listing(quantity, at, lastReported, heldByMarketplace);
        }

        /** A product listing says neither quantity nor holder: both keep what the last inventory report said. */
        Listing reported(Integer quantity, Boolean heldBy) {
            return new Listing(lastSent, lastSentAt, quantity == null ? lastReported : quantity,
                    heldBy == null ? heldByMarketplace : heldBy);
        }
    }

    public static SkuStock empty(String tenantId, String sku) {
        return new SkuStock(tenantId, sku, null, Map.of());
    }

    public String key() {
        return Topics.recordKey(tenantId, sku);
    }

    SkuStock withAvailable(Integer value) {
        return new SkuStock(tenantId, sku, value, listings);
    }

    SkuStock withListing(UUID connectionId, Listing listing) {
        Map<UUID, Listing> changed = new HashMap<>(listings);
        changed.put(connectionId, listing);
        return new SkuStock(tenantId, sku, available, changed);
    }

    SkuStock without(UUID connectionId) {
        Map<UUID, Listing> changed = new HashMap<>(listings);
        changed.remove(connectionId);
        return new SkuStock(tenantId, sku, available, changed);
    }
}

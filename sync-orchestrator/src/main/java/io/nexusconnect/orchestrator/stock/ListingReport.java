package io.nexusconnect.orchestrator.stock;

import io.nexusconnect.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * What an adapter reported about one SKU of one connection (an InventoryLevel or a Product), re-keyed by
 * {@code tenantId/sku} onto the private {@link StockTopics#CHANGES} so it reaches the fan-out member that owns that
 * tenant's SKU, next to the SKU's stock levels.
 *
 * @param quantity          what the marketplace shows; null for a product listing that says nothing about stock
 * @param heldByMarketplace true when the marketplace's own fulfillment holds the stock (Amazon FBA-only SKU), false
 *                          when the seller does; null when the report does not say (a product listing)
 * @param removed           true when the level's key was tombstoned: the connection no longer lists the SKU (absent
 *                          in reports written before removals were relayed: false)
 */
public record ListingReport(UUID connectionId, String tenantId, String sku, Integer quantity, Instant observedAt,
                            Boolean heldByMarketplace, Boolean removed) {
    public static final String TYPE = "io.nexusconnect.orchestrator.listing-report.v1";

    public ListingReport(UUID connectionId, String tenantId, String sku, Integer quantity, Instant observedAt,
                         Boolean heldByMarketplace) {
        this(connectionId, tenantId, sku, quantity, observedAt, heldByMarketplace, null);
    }

    /** The connection's level of the SKU was tombstoned (a delisted listing): it leaves the SKU's fan-out. */
    public static ListingReport removal(UUID connectionId, String tenantId, String sku, Instant observedAt) {
        return new ListingReport(connectionId, tenantId, sku, null, observedAt, null, true);
    }

    public boolean isRemoval() {
        return Boolean.TRUE.equals(removed);
    }

    /** A report that says nothing about who holds the stock. */
    public ListingReport(UUID connectionId, String tenantId, String sku, Integer quantity, Instant observedAt) {
        this(connectionId, tenantId, sku, quantity, observedAt, null);
    }

    public String key() {
        return Topics.recordKey(tenantId, sku);
    }
}

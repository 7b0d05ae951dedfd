package io.nexusconnect.contracts.normalized;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.Topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A listing of the seller on a marketplace, normalized; an upsert keyed {@code connectionId/externalId}, where
 * externalId is the marketplace's listing identity (the SKU on Amazon).
 *
 * @param marketplaceProductId the catalog identity (ASIN, eBay item id, ...)
 * @param statuses             marketplace listing statuses as reported (e.g. BUYABLE, DISCOVERABLE)
 * @param health               optional listing-health verdict with the marketplace's issues; absent when the adapter
 *                             does not know it (readers treat absent as unknown, not as healthy)
 */
public record Product(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        String externalId,
        String sku,
        String marketplaceProductId,
        String title,
        String productType,
        List<String> statuses,
        String salesChannel,
        Money price,
        Instant createdAt,
        Instant updatedAt,
        UUID syncId,
        Instant observedAt,
        ListingHealth health) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.product.v1";

    /** A product without a health verdict (adapters that do not read listing health). */
    public Product(UUID connectionId, String tenantId, Marketplace marketplace, String externalId, String sku,
                   String marketplaceProductId, String title, String productType, List<String> statuses,
                   String salesChannel, Money price, Instant createdAt, Instant updatedAt, UUID syncId,
                   Instant observedAt) {
        this(connectionId, tenantId, marketplace, externalId, sku, marketplaceProductId, title, productType, statuses,
                salesChannel, price, createdAt, updatedAt, syncId, observedAt, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return Topics.recordKey(connectionId.toString(), externalId);
    }
}

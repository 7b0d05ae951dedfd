package io.nexusconnect.contracts.normalized;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.Topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The quantity a marketplace shows for one SKU of one connection; an upsert keyed {@code connectionId/sku}, so there
 * is exactly one level per connection and SKU. Where a marketplace keeps stock in several fulfillment channels
 * (Amazon: merchant-fulfilled DEFAULT and FBA AMAZON_NA/AMAZON_EU/...), {@code quantity} is the one nexus manages and
 * pushes back (the merchant-fulfilled one when the SKU has it) and {@code channels} carries every channel, so
 * nothing is lost on the compacted view.
 *
 * @param fulfillmentChannel who holds {@code quantity}: {@value #SELLER_FULFILLED} (or absent) when the seller ships it
 *                           and nexus pushes its stock; any other value names the marketplace's own fulfillment
 *                           network (Amazon AMAZON_NA/AMAZON_EU = FBA, ...), whose stock nexus reports but never sets
 * @param channels           optional per-channel breakdown, one entry per fulfillment channel the marketplace reports
 */
public record InventoryLevel(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        String sku,
        int quantity,
        String fulfillmentChannel,
        UUID syncId,
        Instant observedAt,
        List<ChannelQuantity> channels) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.inventory-level.v1";
    /** The channel name of stock the seller ships themselves (Amazon's name for merchant-fulfilled). */
    public static final String SELLER_FULFILLED = "DEFAULT";

    /** The quantity of one fulfillment channel. */
    public record ChannelQuantity(String fulfillmentChannel, int quantity) {
    }

    public InventoryLevel {
        channels = channels == null ? null : List.copyOf(channels);
    }

    /** A level without a per-channel breakdown (marketplaces with a single stock). */
    public InventoryLevel(UUID connectionId, String tenantId, Marketplace marketplace, String sku, int quantity,
                          String fulfillmentChannel, UUID syncId, Instant observedAt) {
        this(connectionId, tenantId, marketplace, sku, quantity, fulfillmentChannel, syncId, observedAt, null);
    }

    /** True when the marketplace's warehouse holds {@code quantity}: nexus must not push stock for it. */
    public boolean heldByMarketplace() {
        return fulfillmentChannel != null && !fulfillmentChannel.isBlank() && !SELLER_FULFILLED.equals(fulfillmentChannel);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return Topics.recordKey(connectionId.toString(), sku);
    }
}

package io.nexusconnect.contracts.normalized;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * The quantity a marketplace shows for one SKU of one connection; an upsert keyed {@code connectionId/sku}.
 *
 * @param fulfillmentChannel who holds the stock (Amazon DEFAULT = merchant-fulfilled, AMAZON_NA = FBA, ...)
 */
public record InventoryLevel(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        String sku,
        int quantity,
        String fulfillmentChannel,
        UUID syncId,
        Instant observedAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.inventory-level.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return Topics.recordKey(connectionId.toString(), sku);
    }
}

package io.nexusconnect.contracts.normalized;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.Topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A marketplace order, normalized; an upsert keyed {@code connectionId/externalId}. The same order arrives again
 * whenever it changes on the marketplace: consumers keep the one with the latest {@code updatedAt}.
 *
 * @param salesChannel the marketplace's own sub-channel (Amazon marketplace id, Kaufland storefront, ...)
 * @param currency     the currency amounts are in after a per-connection override, if any
 */
public record Order(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        String externalId,
        String orderNumber,
        OrderStatus status,
        String marketplaceStatus,
        Instant purchasedAt,
        Instant updatedAt,
        Money total,
        String salesChannel,
        String fulfillmentChannel,
        List<OrderLine> lines,
        UUID syncId,
        Instant observedAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.order.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return Topics.recordKey(connectionId.toString(), externalId);
    }
}

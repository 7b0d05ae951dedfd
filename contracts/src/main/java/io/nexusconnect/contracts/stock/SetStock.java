package io.nexusconnect.contracts.stock;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Quantities to set on one connection: one item, or a batch for marketplaces with a bulk endpoint. Each quantity is
 * already reduced by the connection's buffer. Keyed {@code connectionId/sku} (the first SKU for a batch).
 */
public record SetStock(
        UUID commandId,
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        List<Item> items,
        Instant issuedAt,
        ConnectionSnapshot connection) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.stock.set.v1";

    /** @param available the system of record's quantity before the buffer, for traceability */
    public record Item(String sku, int quantity, int available, int bufferPercent) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return Topics.recordKey(connectionId.toString(), items.getFirst().sku());
    }
}

package io.nexusconnect.contracts.stock;

import io.nexusconnect.contracts.NexusEvent;

import java.time.Instant;

/** The system of record's available quantity of one SKU of a tenant; keyed {@code tenantId/sku}. */
public record StockLevel(String tenantId, String sku, int available, Instant at) implements NexusEvent {
    public static final String TYPE = "io.nexusconnect.stock-level.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return tenantId + "/" + sku;
    }
}

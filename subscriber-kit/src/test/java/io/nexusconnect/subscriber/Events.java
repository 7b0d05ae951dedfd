package io.nexusconnect.subscriber;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events as adapters publish them, for the kit's tests. */
public final class Events {
    public static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private Events() {
    }

    public static Order order(UUID connectionId, String externalId, OrderStatus status, Instant updatedAt, Instant observedAt) {
        Money price = new Money("19.99", "EUR");
        return new Order(connectionId, "tenant-a", Marketplace.AMAZON, externalId, externalId, status, status.json(),
                T0.minusSeconds(3600), updatedAt, price, "A1PA6795UKMFR9", "MFN",
                List.of(new OrderLine("1", "SKU-1", "B00TEST", "Mug", 1, 0, price, price, null, null, null)),
                UUID.randomUUID(), observedAt);
    }

    public static InventoryLevel level(UUID connectionId, String sku, int quantity, Instant observedAt) {
        return new InventoryLevel(connectionId, "tenant-a", Marketplace.AMAZON, sku, quantity, "DEFAULT", UUID.randomUUID(),
                observedAt);
    }
}

package io.nexusconnect.adapterkit.webhook;

import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.sync.SyncMode;

/** Where a webhook's results go: normalized records, or a request for a cycle of the delivery's connection. */
public interface WebhookSink {
    void product(Product product);

    void order(Order order);

    void inventory(InventoryLevel level);

    /**
     * Asks the orchestrator for a cycle of the delivery's connection (a {@code SyncNowRequested} with trigger
     * {@code webhook} on {@code nexus.sync-commands.v1}); for thin payloads that only name what changed.
     */
    void requestSync(SyncMode mode);
}

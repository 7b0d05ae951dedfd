package io.nexusconnect.adapterkit.sync;

import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.sync.SyncScope;

import java.util.Map;

/**
 * Where an adapter's sync step puts what it read. The adapter never sees Kafka: the kit publishes each record to its
 * normalized topic, waits for the acknowledgements at every page end, and reports progress.
 */
public interface RecordSink {
    void product(Product product);

    void order(Order order);

    void inventory(InventoryLevel level);

    /**
     * One marketplace page is done: blocks until its records are acknowledged, then publishes a SyncProgress. Throws
     * when the cycle ran past its deadline, which ends the step.
     */
    void pageCompleted(SyncScope scope);

    /**
     * Everything up to these cursors is published: waits for the acknowledgements, then remembers them so that a
     * later failure of the step (a deadline, a 5xx on the next window) still advances to here instead of falling back
     * to the request's cursors. Lets a long backfill make progress across cycles.
     */
    void checkpoint(Map<String, String> cursors);
}

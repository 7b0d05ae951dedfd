package io.nexusconnect.orchestrator.stock;

import io.nexusconnect.contracts.Topics;

/**
 * The fan-out's private topics, keyed {@code tenantId/sku} and partitioned like {@code nexus.stock-levels.v1}, so the
 * member that owns partition p of the stock levels also receives the listing reports of those SKUs and holds their
 * state. Nobody outside the orchestrator reads them; the orchestrator creates them if they are missing.
 */
public final class StockTopics {
    /** Adapters' inventory and product reports, re-keyed from {@code connectionId/sku} to {@code tenantId/sku}. */
    public static final String CHANGES = "nexus.stock-fanout.changes.v1";
    /** Compacted {@link SkuStock} per {@code tenantId/sku}: last sent and reported quantities per connection. */
    public static final String STATE = "nexus.stock-fanout.state.v1";
    public static final int PARTITIONS = Topics.DEFAULT_PARTITIONS;

    private StockTopics() {
    }
}

package io.nexusconnect.contracts.sync;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.OrderLookback;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The orchestrator asks an adapter to run one cycle. Adapters keep no state: the connection (with its sealed
 * credentials) and the cursors of the last completed cycle travel in the request, and the next cursors come back in
 * {@link SyncCompleted}.
 *
 * @param cursors  opaque per-scope positions (e.g. {@code orders.lastUpdatedAfter}); empty on a first or full sync
 * @param lookback how far back orders go when there is no cursor
 * @param attempt  1 for the first try of this syncId, higher for retries
 */
public record SyncRequested(
        UUID syncId,
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        Set<SyncScope> scopes,
        SyncMode mode,
        Map<String, String> cursors,
        OrderLookback lookback,
        SyncTrigger trigger,
        int attempt,
        Instant requestedAt,
        ConnectionSnapshot connection) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.sync.requested.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return connectionId.toString();
    }
}

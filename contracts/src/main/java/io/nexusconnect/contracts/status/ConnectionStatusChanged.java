package io.nexusconnect.contracts.status;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The orchestrator's view of a connection, published on the compacted {@code nexus.connection-status.v1} whenever
 * status, health or the next scheduled sync changes.
 *
 * @param error            null unless status is error
 * @param rateLimitedUntil set while status is rate_limited: when the adapter resumes
 */
public record ConnectionStatusChanged(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        ConnectionStatus status,
        StatusError error,
        Health health,
        Instant lastSyncAt,
        UUID lastSyncId,
        Instant nextSyncAt,
        Instant rateLimitedUntil,
        Instant changedAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.connection.status.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return connectionId.toString();
    }
}

package io.nexusconnect.orchestrator.state;

import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.ConnectionStatusChanged;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.status.StatusError;

import java.time.Instant;
import java.util.UUID;

/**
 * What {@code nexus.connection-status.v1} says about a connection, without the time of the change: two views are
 * equal exactly when there is nothing new to publish.
 */
public record StatusView(
        ConnectionStatus status,
        StatusError error,
        Health health,
        Instant lastSyncAt,
        UUID lastSyncId,
        Instant nextSyncAt,
        Instant rateLimitedUntil) {

    public ConnectionStatusChanged toEvent(ConnectionSnapshot connection, Instant changedAt) {
        return new ConnectionStatusChanged(connection.connectionId(), connection.tenantId(), connection.marketplace(),
                status, error, health, lastSyncAt, lastSyncId, nextSyncAt, rateLimitedUntil, changedAt);
    }
}

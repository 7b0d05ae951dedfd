package io.nexusconnect.contracts.sync;

import io.nexusconnect.contracts.NexusEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A user pressed Sync Now (or Reconnect). Written to the outbox by connection-service and relayed to
 * {@code nexus.sync-commands.v1}, keyed by connection so it reaches the orchestrator replica that owns the connection.
 */
public record SyncNowRequested(
        UUID commandId,
        UUID connectionId,
        String tenantId,
        SyncTrigger trigger,
        SyncMode mode,
        Instant requestedAt) implements NexusEvent {

    public static final String TYPE = "io.nexusconnect.sync.now-requested.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String key() {
        return connectionId.toString();
    }
}

package io.nexusconnect.orchestrator.engine;

import io.nexusconnect.contracts.alert.Alert;
import io.nexusconnect.contracts.status.ConnectionStatusChanged;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.orchestrator.state.SyncState;

import java.util.UUID;

/** What the engine wants written to Kafka; the loop writes all of one step in one transaction. */
public sealed interface Outbound {

    record RequestSync(SyncRequested request) implements Outbound {
    }

    record PublishStatus(ConnectionStatusChanged status) implements Outbound {
    }

    record RaiseAlert(Alert alert) implements Outbound {
    }

    /** State goes to the same partition number as the connection, so the owner of that shard reloads it. */
    record SaveState(int partition, SyncState state) implements Outbound {
    }

    record DeleteState(int partition, UUID connectionId) implements Outbound {
    }
}

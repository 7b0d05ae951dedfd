package io.nexusconnect.orchestrator.engine;

import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncNowRequested;

import java.util.UUID;

/** What a consumed record means to the engine, with the partition it came from (the connection's shard). */
public sealed interface Input {
    UUID connectionId();

    int partition();

    record SnapshotReceived(int partition, ConnectionSnapshot snapshot) implements Input {
        @Override
        public UUID connectionId() {
            return snapshot.connectionId();
        }
    }

    /** A tombstone on {@code nexus.connections.v1}: the connection was removed. */
    record ConnectionRemoved(int partition, UUID connectionId) implements Input {
    }

    record SyncNowReceived(int partition, SyncNowRequested command) implements Input {
        @Override
        public UUID connectionId() {
            return command.connectionId();
        }
    }

    record SyncEventReceived(int partition, SyncEvent event) implements Input {
        @Override
        public UUID connectionId() {
            return event.connectionId();
        }
    }
}

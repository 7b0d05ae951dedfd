package io.nexusconnect.orchestrator.api;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.orchestrator.engine.ShardEngine;
import io.nexusconnect.orchestrator.state.CycleOutcome;
import io.nexusconnect.orchestrator.state.LastCycle;
import io.nexusconnect.orchestrator.state.PendingCycle;
import io.nexusconnect.orchestrator.state.RunningCycle;
import io.nexusconnect.orchestrator.state.StatusView;
import io.nexusconnect.orchestrator.state.SyncState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A connection's schedule and status as this replica sees it; credentials are left out entirely. */
public record ConnectionView(
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        String label,
        ConnectionState state,
        long version,
        int partition,
        String owner,
        String interval,
        StatusView status,
        StatusView published,
        Instant nextSyncAt,
        Instant lastRequestedAt,
        RunningCycle running,
        PendingCycle pending,
        LastCycle last,
        Map<String, String> cursors,
        List<CycleOutcome> recent) {

    static ConnectionView of(ShardEngine.OwnedConnection owned, ShardEngine engine, String owner) {
        SyncState state = owned.state();
        Instant due = engine.scheduler().dueAt(state);
        return new ConnectionView(state.connectionId(), state.connection().tenantId(), state.connection().marketplace(),
                state.connection().label(), state.connection().state(), state.connection().version(), owned.partition(), owner,
                engine.scheduler().policy().intervalOf(state.connection()).toString(), engine.statuses().derive(state, due),
                state.published(), due, state.lastRequestedAt(), state.running(), state.pending(), state.last(),
                state.cursors(), state.recent());
    }
}

package io.nexusconnect.orchestrator.state;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the orchestrator knows about one connection, kept in the compacted {@code nexus.sync-state.v1} under the
 * connection id. It is written in the same Kafka transaction as the requests and status changes it caused, so after a
 * restart or a rebalance the owner of the partition continues exactly where the previous one stopped.
 *
 * @param connection      the latest snapshot (sealed credentials only), embedded in every SyncRequested
 * @param cursors         the adapter's positions from the last SyncCompleted; sent with incremental cycles
 * @param lastRequestedAt when the latest cycle was requested; the schedule counts the interval from it
 * @param nextSyncAt      when the schedule runs the next cycle; null while paused
 * @param running         the cycle an adapter works on; null when idle
 * @param pending         a Sync Now or retry waiting for the connection to be idle; null when none
 * @param last            how the latest cycle ended; null before the first one completed
 * @param recent          the latest cycle outcomes, oldest first, for health
 * @param recentCommands  ids of the latest Sync Now commands handled, so a redelivered one is not run twice
 * @param published       the status last published on {@code nexus.connection-status.v1}; null before the first
 * @param alertedAt       when an alert was last raised, per alert key ({@code error:<code>}, {@code unhealthy}), for
 *                        the tenant's alert cooldown
 */
public record SyncState(
        UUID connectionId,
        ConnectionSnapshot connection,
        Map<String, String> cursors,
        Instant lastRequestedAt,
        Instant nextSyncAt,
        RunningCycle running,
        PendingCycle pending,
        LastCycle last,
        List<CycleOutcome> recent,
        List<UUID> recentCommands,
        StatusView published,
        Map<String, Instant> alertedAt) {

    public static final String TYPE = "io.nexusconnect.orchestrator.sync-state.v1";
    static final int REMEMBERED_COMMANDS = 20;

    public SyncState {
        cursors = cursors == null ? Map.of() : Map.copyOf(cursors);
        recent = recent == null ? List.of() : List.copyOf(recent);
        recentCommands = recentCommands == null ? List.of() : List.copyOf(recentCommands);
        alertedAt = alertedAt == null ? Map.of() : Map.copyOf(alertedAt);
    }

    public static SyncState first(ConnectionSnapshot connection, Instant nextSyncAt) {
        return new SyncState(connection.connectionId(), connection, Map.of(), null, nextSyncAt, null, null, null,
                List.of(), List.of(), null, Map.of());
    }

    @JsonIgnore
    public boolean isActive() {
        return connection != null && connection.state() == ConnectionState.ACTIVE;
    }

    @JsonIgnore
    public boolean isRunning() {
        return running != null;
    }

    public boolean handledCommand(UUID commandId) {
        return commandId != null && recentCommands.contains(commandId);
    }

    public SyncState withConnection(ConnectionSnapshot value, Instant nextSync, PendingCycle pendingCycle) {
        return new SyncState(connectionId, value, cursors, lastRequestedAt, nextSync, running, pendingCycle, last, recent,
                recentCommands, published, alertedAt);
    }

    public SyncState withPending(PendingCycle value) {
        return new SyncState(connectionId, connection, cursors, lastRequestedAt, nextSyncAt, running, value, last, recent,
                recentCommands, published, alertedAt);
    }

    public SyncState withRunning(RunningCycle value) {
        return new SyncState(connectionId, connection, cursors, lastRequestedAt, nextSyncAt, value, pending, last, recent,
                recentCommands, published, alertedAt);
    }

    public SyncState withCommand(UUID commandId) {
        if (commandId == null) {
            return this;
        }
        List<UUID> commands = new ArrayList<>(recentCommands);
        commands.add(commandId);
        List<UUID> kept = commands.subList(Math.max(0, commands.size() - REMEMBERED_COMMANDS), commands.size());
        return new SyncState(connectionId, connection, cursors, lastRequestedAt, nextSyncAt, running, pending, last, recent,
                kept, published, alertedAt);
    }

    public SyncState launched(RunningCycle cycle, Instant nextSync) {
        return new SyncState(connectionId, connection, cursors, cycle.requestedAt(), nextSync, cycle, null, last, recent,
                recentCommands, published, alertedAt);
    }

    public SyncState ended(Map<String, String> newCursors, LastCycle ended, List<CycleOutcome> window) {
        return new SyncState(connectionId, connection, newCursors, lastRequestedAt, nextSyncAt, null, pending, ended, window,
                recentCommands, published, alertedAt);
    }

    public SyncState withPublished(StatusView value) {
        return new SyncState(connectionId, connection, cursors, lastRequestedAt, nextSyncAt, running, pending, last, recent,
                recentCommands, value, alertedAt);
    }

    public SyncState withNextSync(Instant value) {
        return new SyncState(connectionId, connection, cursors, lastRequestedAt, value, running, pending, last, recent,
                recentCommands, published, alertedAt);
    }

    public SyncState withAlerted(String alertKey, Instant at) {
        Map<String, Instant> alerted = new HashMap<>(alertedAt);
        alerted.put(alertKey, at);
        return new SyncState(connectionId, connection, cursors, lastRequestedAt, nextSyncAt, running, pending, last, recent,
                recentCommands, published, alerted);
    }
}

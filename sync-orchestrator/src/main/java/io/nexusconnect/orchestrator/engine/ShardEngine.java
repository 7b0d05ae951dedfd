package io.nexusconnect.orchestrator.engine;

import io.nexusconnect.orchestrator.alert.AlertRule;
import io.nexusconnect.orchestrator.schedule.Launch;
import io.nexusconnect.orchestrator.schedule.Scheduler;
import io.nexusconnect.orchestrator.state.StatusView;
import io.nexusconnect.orchestrator.state.SyncState;
import io.nexusconnect.orchestrator.status.StatusDeriver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of the partitions one group member owns, and what happens to them. Single-threaded by contract
 * (the member's loop); readers on other threads see immutable snapshots of each connection's state.
 *
 * <p>After every input and on every tick a connection is "settled": a due cycle is launched, the status is derived
 * and published if it differs from the last published one, and the state is saved if anything changed. The outputs
 * of one step are written atomically by the caller, together with the consumed offsets.
 */
public final class ShardEngine {
    private final Scheduler scheduler;
    private final StatusDeriver statuses;
    private final AlertRule alerts = AlertRule.defaults();
    private final Map<UUID, OwnedConnection> owned = new ConcurrentHashMap<>();

    public ShardEngine(Scheduler scheduler, StatusDeriver statuses) {
        this.scheduler = scheduler;
        this.statuses = statuses;
    }

    public record OwnedConnection(int partition, SyncState state) {
    }

    public List<Outbound> handle(Input input, Instant now) {
        OwnedConnection current = owned.get(input.connectionId());
        SyncState before = current == null ? null : current.state();
        return switch (input) {
            case Input.SnapshotReceived received ->
                    settle(received.partition(), before, scheduler.onSnapshot(before, received.snapshot(), now), now);
            case Input.ConnectionRemoved removed -> remove(removed.connectionId());
            case Input.SyncNowReceived syncNow -> before == null ? List.of()
                    : settle(current.partition(), before, scheduler.onSyncNow(before, syncNow.command(), now), now);
            case Input.SyncEventReceived event -> before == null ? List.of()
                    : settle(current.partition(), before, scheduler.onEvent(before, event.event(), now), now);
        };
    }

    /** Periodic pass over every owned connection: dead cycles, due schedules, waiting retries. */
    public List<Outbound> tick(Instant now) {
        List<Outbound> out = new ArrayList<>();
        for (OwnedConnection connection : List.copyOf(owned.values())) {
            SyncState before = connection.state();
            if (!quiet(before, now)) {
                out.addAll(settle(connection.partition(), before, scheduler.expire(before, now), now));
            }
        }
        return out;
    }

    /**
     * Nothing can happen to an idle connection before it is due, and its published status is up to date: settling it
     * would produce nothing. Skipping it keeps a tick over 100,000 connections cheap (see the benchmark).
     */
    private boolean quiet(SyncState state, Instant now) {
        if (state.isRunning() || state.published() == null) {
            return false;
        }
        Instant due = scheduler.dueAt(state);
        return (due == null || now.isBefore(due)) && Objects.equals(due, state.published().nextSyncAt());
    }

    /** Takes over a connection's state as it was saved on the state topic (partition load). */
    public void restore(int partition, SyncState state) {
        owned.put(state.connectionId(), new OwnedConnection(partition, state));
    }

    /**
     * Spreads the schedules of just loaded partitions that fell due while nobody owned them (see
     * {@link Scheduler#catchUp}); the moved times are saved with the status they publish in the next tick.
     */
    public void catchUp(Collection<Integer> partitions, Instant now) {
        for (OwnedConnection connection : List.copyOf(owned.values())) {
            if (partitions.contains(connection.partition())) {
                SyncState spread = scheduler.catchUp(connection.state(), now);
                if (spread != connection.state()) {
                    owned.put(spread.connectionId(), new OwnedConnection(connection.partition(), spread));
                }
            }
        }
    }

    /** A tombstone on the state topic seen while loading: the connection was removed before. */
    public void forget(UUID connectionId) {
        owned.remove(connectionId);
    }

    /**
     * After reading a partition of {@code nexus.connections.v1} from its beginning: a connection held in state that
     * is not there any more was removed while its tombstone was already compacted away.
     */
    public List<Outbound> reconcile(int partition, Set<UUID> present) {
        List<Outbound> out = new ArrayList<>();
        for (OwnedConnection connection : List.copyOf(owned.values())) {
            UUID id = connection.state().connectionId();
            if (connection.partition() == partition && !present.contains(id)) {
                out.addAll(remove(id));
            }
        }
        return out;
    }

    /** The partitions were revoked or lost: their connections belong to another member now. */
    public void release(Collection<Integer> partitions) {
        owned.values().removeIf(connection -> partitions.contains(connection.partition()));
    }

    public void releaseAll() {
        owned.clear();
    }

    public Optional<OwnedConnection> find(UUID connectionId) {
        return Optional.ofNullable(owned.get(connectionId));
    }

    public int size() {
        return owned.size();
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public StatusDeriver statuses() {
        return statuses;
    }

    private List<Outbound> remove(UUID connectionId) {
        OwnedConnection removed = owned.remove(connectionId);
        return removed == null ? List.of() : List.of(new Outbound.DeleteState(removed.partition(), connectionId));
    }

    private List<Outbound> settle(int partition, SyncState before, SyncState after, Instant now) {
        List<Outbound> out = new ArrayList<>(3);
        Optional<Launch> launch = scheduler.launch(after, now);
        if (launch.isPresent()) {
            out.add(new Outbound.RequestSync(launch.get().request()));
            after = launch.get().state();
        }
        StatusView view = statuses.derive(after, scheduler.dueAt(after));
        AlertRule.Checked alerted = alerts.check(after, view, now);
        alerted.alerts().forEach(alert -> out.add(new Outbound.RaiseAlert(alert)));
        after = alerted.state();
        if (!view.equals(after.published())) {
            out.add(new Outbound.PublishStatus(view.toEvent(after.connection(), now)));
            after = after.withPublished(view);
        }
        if (!after.equals(before)) {
            out.add(new Outbound.SaveState(partition, after));
        }
        owned.put(after.connectionId(), new OwnedConnection(partition, after));
        return out;
    }
}

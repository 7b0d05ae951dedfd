package io.nexusconnect.orchestrator.engine;

import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.orchestrator.schedule.RetryPolicy;
import io.nexusconnect.orchestrator.schedule.SchedulePolicy;
import io.nexusconnect.orchestrator.schedule.Scheduler;
import io.nexusconnect.orchestrator.state.SyncState;
import io.nexusconnect.orchestrator.status.StatusDeriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ShardEngineTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final ShardEngine engine = new ShardEngine(new Scheduler(SchedulePolicy.defaults(), RetryPolicy.defaults()),
            new StatusDeriver(3));
    private final UUID id = UUID.randomUUID();

    @Test
    @DisplayName("A new connection yields its first request, a pending status and its saved state, in that order")
    void newConnection() {
        List<Outbound> out = engine.handle(new Input.SnapshotReceived(4,
                Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1)), T0);

        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isInstanceOf(Outbound.RequestSync.class);
        var status = ((Outbound.PublishStatus) out.get(1)).status();
        assertThat(status.status()).isEqualTo(ConnectionStatus.PENDING);
        assertThat(status.nextSyncAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        var saved = (Outbound.SaveState) out.get(2);
        assertThat(saved.partition()).isEqualTo(4);
        assertThat(saved.state().published()).isNotNull();
    }

    @Test
    @DisplayName("Nothing is written when nothing changed: a redelivered snapshot and quiet ticks produce no records")
    void idempotent() {
        var snapshot = Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1);
        engine.handle(new Input.SnapshotReceived(1, snapshot), T0);

        assertThat(engine.handle(new Input.SnapshotReceived(1, snapshot), T0.plusSeconds(1))).isEmpty();
        assertThat(engine.tick(T0.plusSeconds(2))).isEmpty();
    }

    @Test
    @DisplayName("A completion publishes the new status and saves the state; a tombstone deletes the state")
    void completionAndRemoval() {
        List<Outbound> first = engine.handle(new Input.SnapshotReceived(2,
                Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1)), T0);
        SyncRequested request = ((Outbound.RequestSync) first.get(0)).request();

        List<Outbound> done = engine.handle(new Input.SyncEventReceived(2,
                Fixtures.succeeded(request, Fixtures.CURSORS, T0.plusSeconds(30))), T0.plusSeconds(30));
        List<Outbound> removed = engine.handle(new Input.ConnectionRemoved(2, id), T0.plusSeconds(40));

        assertThat(done).hasSize(2);
        assertThat(((Outbound.PublishStatus) done.get(0)).status().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(((Outbound.SaveState) done.get(1)).state().cursors()).isEqualTo(Fixtures.CURSORS);
        assertThat(removed).containsExactly(new Outbound.DeleteState(2, id));
        assertThat(engine.find(id)).isEmpty();
        assertThat(engine.handle(new Input.SyncNowReceived(2, Fixtures.syncNow(id, T0)), T0.plusSeconds(50))).isEmpty();
    }

    @Test
    @DisplayName("Reconciling after a reload removes held connections that are no longer on the connections topic")
    void reconcile() {
        UUID gone = UUID.randomUUID();
        engine.restore(3, SyncState.first(Fixtures.snapshot(gone, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1), T0));
        engine.restore(3, SyncState.first(Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1), T0));

        assertThat(engine.reconcile(3, Set.of(id))).containsExactly(new Outbound.DeleteState(3, gone));
        assertThat(engine.find(id)).isPresent();
        engine.release(Set.of(3));
        assertThat(engine.size()).isZero();
    }
}

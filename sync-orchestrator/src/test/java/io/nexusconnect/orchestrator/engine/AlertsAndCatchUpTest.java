package io.nexusconnect.orchestrator.engine;

import io.nexusconnect.contracts.alert.Alert;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.sync.ErrorCode;
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

/** Alerts with their cooldown, health over the tenant's window, and the catch-up of overdue schedules after a load. */
class AlertsAndCatchUpTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final TenantPolicy POLICY = new TenantPolicy(SyncInterval.HOURLY, 1, Duration.ofMinutes(1),
            Duration.ofHours(2), Duration.ofDays(90), 4);
    private final ShardEngine engine = new ShardEngine(new Scheduler(SchedulePolicy.defaults(), RetryPolicy.defaults()),
            new StatusDeriver(3));
    private final UUID id = UUID.randomUUID();
    private SyncRequested lastRequest;

    @Test
    @DisplayName("Entering error raises one alert; the same error again within the tenant's cooldown raises none, after it one more")
    void errorAlertWithCooldown() {
        create();

        List<Alert> first = fail(ErrorCode.INVALID_CREDENTIALS, T0.plusSeconds(10));
        succeed(T0.plus(Duration.ofMinutes(30)));
        List<Alert> withinCooldown = fail(ErrorCode.INVALID_CREDENTIALS, T0.plus(Duration.ofMinutes(90)));
        List<Alert> otherError = fail(ErrorCode.ACCOUNT_SUSPENDED, T0.plus(Duration.ofMinutes(100)));
        succeed(T0.plus(Duration.ofMinutes(110)));
        List<Alert> afterCooldown = fail(ErrorCode.INVALID_CREDENTIALS, T0.plus(Duration.ofMinutes(130)));

        assertThat(first).extracting(Alert::kind).contains(Alert.Kind.ERROR);
        Alert alert = first.stream().filter(a -> a.kind() == Alert.Kind.ERROR).findFirst().orElseThrow();
        assertThat(alert.connectionId()).isEqualTo(id);
        assertThat(alert.error().code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(alert.raisedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(withinCooldown).extracting(Alert::kind).doesNotContain(Alert.Kind.ERROR);
        assertThat(otherError).extracting(a -> a.error().code()).contains(ErrorCode.ACCOUNT_SUSPENDED);
        assertThat(afterCooldown).extracting(Alert::kind).contains(Alert.Kind.ERROR);
    }

    @Test
    @DisplayName("Health over the tenant's window of 4 cycles: unhealthy after failures in a row (one alert), degraded, then healthy again")
    void healthOverTheWindow() {
        create();
        succeed(T0.plusSeconds(10));
        fail(ErrorCode.MARKETPLACE_UNAVAILABLE, T0.plus(Duration.ofHours(1)));
        fail(ErrorCode.MARKETPLACE_UNAVAILABLE, T0.plus(Duration.ofHours(2)));
        List<Alert> third = fail(ErrorCode.MARKETPLACE_UNAVAILABLE, T0.plus(Duration.ofHours(3)));
        assertThat(health()).isEqualTo(Health.UNHEALTHY);
        assertThat(third).extracting(Alert::kind).containsExactly(Alert.Kind.UNHEALTHY);
        assertThat(fail(ErrorCode.MARKETPLACE_UNAVAILABLE, T0.plus(Duration.ofHours(4)))).as("still unhealthy: no new alert").isEmpty();

        succeed(T0.plus(Duration.ofHours(5)));
        assertThat(health()).isEqualTo(Health.DEGRADED);
        for (int hour = 6; hour <= 9; hour++) {
            succeed(T0.plus(Duration.ofHours(hour)));
        }
        assertThat(health()).as("the failures left the 4-cycle window").isEqualTo(Health.HEALTHY);
        assertThat(state().recent()).hasSize(4);
    }

    @Test
    @DisplayName("Connections overdue when their partition is loaded are spread over the catch-up window: the first tick launches only a few")
    void catchUpAfterLoad() {
        Instant restart = T0.plus(Duration.ofHours(5));
        int connections = 500;
        for (int i = 0; i < connections; i++) {
            UUID connectionId = UUID.randomUUID();
            ConnectionSnapshot snapshot = Fixtures.snapshot(connectionId, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1);
            engine.restore(3, SyncState.first(snapshot, T0.plus(Duration.ofHours(1))));
        }

        engine.catchUp(Set.of(3), restart);

        assertThat(requests(engine.tick(restart))).as("not a burst of all %d", connections).isLessThan(10L);
        assertThat(requests(engine.tick(restart.plus(Duration.ofMinutes(5))))).isBetween(200L, 300L);
        assertThat(requests(engine.tick(restart.plus(Duration.ofMinutes(10))))).isBetween(200L, 300L);
        assertThat(engine.tick(restart.plus(Duration.ofMinutes(11))).stream().filter(Outbound.RequestSync.class::isInstance))
                .as("every overdue connection synced exactly once").isEmpty();
    }

    private static long requests(List<Outbound> out) {
        return out.stream().filter(Outbound.RequestSync.class::isInstance).count();
    }

    private ConnectionSnapshot snapshot() {
        return Fixtures.snapshot(id, new ConnectionSettings(SyncInterval.HOURLY, null, OrderLookback.THIRTY_DAYS, 0, false, null),
                POLICY, 1);
    }

    /** Runs one cycle (a Sync Now, so the schedule does not matter) that fails with the code; returns the alerts. */
    private List<Alert> fail(ErrorCode code, Instant at) {
        SyncRequested request = launch(at);
        return alerts(engine.handle(new Input.SyncEventReceived(0, Fixtures.failed(request, code, code.title(), null, at)), at));
    }

    private void succeed(Instant at) {
        SyncRequested request = launch(at);
        engine.handle(new Input.SyncEventReceived(0, Fixtures.succeeded(request, Fixtures.CURSORS, at)), at);
    }

    /** The running cycle (the first one, requested with the snapshot), else a new one by Sync Now. */
    private SyncRequested launch(Instant at) {
        if (state().running() != null) {
            return lastRequest;
        }
        List<Outbound> out = engine.handle(new Input.SyncNowReceived(0, Fixtures.syncNow(id, at)), at);
        return remember(out);
    }

    private void create() {
        remember(engine.handle(new Input.SnapshotReceived(0, snapshot()), T0));
    }

    private SyncRequested remember(List<Outbound> out) {
        lastRequest = out.stream().filter(Outbound.RequestSync.class::isInstance).map(o -> ((Outbound.RequestSync) o).request())
                .findFirst().orElseThrow();
        return lastRequest;
    }

    private SyncState state() {
        return engine.find(id).orElseThrow().state();
    }

    private Health health() {
        return state().published().health();
    }

    private static List<Alert> alerts(List<Outbound> out) {
        return out.stream().filter(Outbound.RaiseAlert.class::isInstance).map(o -> ((Outbound.RaiseAlert) o).alert()).toList();
    }
}

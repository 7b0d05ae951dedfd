package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.connection.SyncWindow;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.orchestrator.state.SyncState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Intervals from the tenant policy, time-zone aware sync windows and the jittered catch-up after a reload. */
class SchedulingRulesTest {
    /** A Monday, 20:00 UTC = 21:00 in Berlin (winter time, UTC+1). */
    private static final Instant EVENING = Instant.parse("2026-03-02T20:00:00Z");
    private static final SyncWindow BERLIN_OFFICE = new SyncWindow(LocalTime.of(9, 0), LocalTime.of(17, 0), "Europe/Berlin");
    private final Scheduler scheduler = new Scheduler(SchedulePolicy.defaults(), RetryPolicy.defaults());
    private final UUID id = UUID.randomUUID();

    @Test
    @DisplayName("A connection without its own interval syncs at its tenant's default interval; its own interval wins when set")
    void intervalFromTenantPolicy() {
        TenantPolicy fourHourly = new TenantPolicy(SyncInterval.FOUR_HOURS, 3, Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofDays(90), 10);
        ConnectionSnapshot inherits = Fixtures.snapshot(id, settings(null, null), fourHourly, 1);
        ConnectionSnapshot daily = Fixtures.snapshot(id, settings(SyncInterval.DAILY, null), fourHourly, 1);

        SyncState launched = scheduler.launch(scheduler.onSnapshot(null, inherits, EVENING), EVENING).orElseThrow().state();

        assertThat(launched.nextSyncAt()).isEqualTo(EVENING.plus(Duration.ofHours(4)));
        assertThat(scheduler.policy().intervalOf(daily)).isEqualTo(Duration.ofDays(1));
        for (SyncInterval interval : SyncInterval.values()) {
            assertThat(scheduler.policy().intervalOf(Fixtures.snapshot(id, settings(interval, null), fourHourly, 1)))
                    .isEqualTo(interval.duration());
        }
    }

    @Test
    @DisplayName("A cycle due outside the connection's business hours waits for the window's start in its own time zone")
    void waitsForTheWindow() {
        ConnectionSnapshot office = Fixtures.snapshot(id, settings(SyncInterval.HOURLY, BERLIN_OFFICE), TenantPolicy.defaults(), 1);
        SyncState created = scheduler.onSnapshot(null, office, EVENING);
        Instant nineInBerlin = Instant.parse("2026-03-03T08:00:00Z");

        assertThat(scheduler.dueAt(created)).isEqualTo(nineInBerlin);
        assertThat(scheduler.launch(created, EVENING)).isEmpty();
        assertThat(scheduler.launch(created, nineInBerlin.minusSeconds(1))).isEmpty();
        SyncState first = scheduler.launch(created, nineInBerlin).orElseThrow().state();
        assertThat(scheduler.dueAt(first)).as("hourly inside the window").isEqualTo(nineInBerlin.plus(Duration.ofHours(1)));
    }

    @Test
    @DisplayName("Overdue when the window has already closed again (a replica was down): nothing starts before the next opening")
    void overdueAfterTheWindowClosed() {
        ConnectionSnapshot office = Fixtures.snapshot(id, settings(SyncInterval.HOURLY, BERLIN_OFFICE), TenantPolicy.defaults(), 1);
        SyncState planned = scheduler.onSnapshot(null, office, EVENING).withNextSync(Instant.parse("2026-03-02T15:00:00Z"));

        assertThat(scheduler.launch(planned, EVENING)).isEmpty();
        assertThat(scheduler.launch(planned, Instant.parse("2026-03-03T08:00:00Z"))).isPresent();
    }

    @Test
    @DisplayName("A window across midnight and one across a daylight-saving change open at the local start time")
    void midnightAndDaylightSaving() {
        SyncWindow night = new SyncWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), "America/New_York");
        // 2026-03-08 is the US spring-forward day: 22:00 EDT = 02:00Z next day
        assertThat(SyncWindows.nextOpen(night, Instant.parse("2026-03-08T15:00:00Z"))).isEqualTo(Instant.parse("2026-03-09T02:00:00Z"));
        assertThat(SyncWindows.nextOpen(night, Instant.parse("2026-03-08T04:00:00Z"))).as("23:00 EST, inside")
                .isEqualTo(Instant.parse("2026-03-08T04:00:00Z"));
        assertThat(SyncWindows.nextOpen(BERLIN_OFFICE, Instant.parse("2026-03-30T06:00:00Z"))).as("09:00 CEST after the change")
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(SyncWindows.nextOpen(null, EVENING)).isEqualTo(EVENING);
    }

    @Test
    @DisplayName("Sync Now runs at once even outside the window; the schedule still waits for it")
    void syncNowIgnoresTheWindow() {
        ConnectionSnapshot office = Fixtures.snapshot(id, settings(SyncInterval.HOURLY, BERLIN_OFFICE), TenantPolicy.defaults(), 1);
        SyncState created = scheduler.onSnapshot(null, office, EVENING);

        SyncState asked = scheduler.onSyncNow(created, Fixtures.syncNow(id, EVENING), EVENING);

        assertThat(scheduler.launch(asked, EVENING).orElseThrow().request().trigger()).isEqualTo(SyncTrigger.MANUAL);
    }

    @Test
    @DisplayName("After a reload, overdue schedules are spread evenly over the catch-up window instead of all firing at once")
    void jitteredCatchUp() {
        Instant restart = EVENING;
        List<Instant> planned = new ArrayList<>();
        int[] perMinute = new int[10];
        for (int i = 0; i < 2_000; i++) {
            UUID connectionId = UUID.randomUUID();
            ConnectionSnapshot connection = Fixtures.snapshot(connectionId, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1);
            SyncState overdue = scheduler.onSnapshot(null, connection, restart.minus(Duration.ofHours(3)))
                    .withNextSync(restart.minus(Duration.ofHours(2)));
            SyncState spread = scheduler.catchUp(overdue, restart);
            assertThat(scheduler.catchUp(overdue, restart)).as("stable per connection").isEqualTo(spread);
            planned.add(spread.nextSyncAt());
            perMinute[(int) Duration.between(restart, spread.nextSyncAt()).toMinutes()]++;
        }

        assertThat(planned).allSatisfy(at -> assertThat(at).isBetween(restart, restart.plus(Duration.ofMinutes(10))));
        for (int count : perMinute) {
            assertThat(count).as("about a tenth per minute").isBetween(140, 260);
        }
        SyncState notDue = scheduler.onSnapshot(null, Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1), restart)
                .withNextSync(restart.plusSeconds(5));
        assertThat(scheduler.catchUp(notDue, restart)).as("not overdue: untouched").isEqualTo(notDue);
    }

    private static ConnectionSettings settings(SyncInterval interval, SyncWindow window) {
        return new ConnectionSettings(interval, window, OrderLookback.THIRTY_DAYS, 0, true, null);
    }
}

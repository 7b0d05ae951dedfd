package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.contracts.sync.RecordCounts;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.orchestrator.state.SyncState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final UUID id = UUID.randomUUID();
    private final Scheduler scheduler = new Scheduler(SchedulePolicy.defaults(), RetryPolicy.defaults());

    @Test
    @DisplayName("A new active connection gets a full first sync at once, with its order lookback and no cursors")
    void firstSyncIsPromptAndFull() {
        SyncState state = scheduler.onSnapshot(null, snapshot(ConnectionState.ACTIVE, 1), T0);

        Launch launch = scheduler.launch(state, T0).orElseThrow();

        SyncRequested request = launch.request();
        assertThat(request.mode()).isEqualTo(SyncMode.FULL);
        assertThat(request.trigger()).isEqualTo(SyncTrigger.SCHEDULE);
        assertThat(request.attempt()).isEqualTo(1);
        assertThat(request.cursors()).isEmpty();
        assertThat(request.lookback()).isEqualTo(OrderLookback.NINETY_DAYS);
        assertThat(request.scopes()).containsExactlyInAnyOrder(SyncScope.values());
        assertThat(request.connection()).isEqualTo(state.connection());
        assertThat(request.requestedAt()).isEqualTo(T0);
        assertThat(launch.state().running().syncId()).isEqualTo(request.syncId());
        assertThat(launch.state().nextSyncAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    @DisplayName("A paused connection is never synced, however much time passes")
    void pausedNeverSyncs() {
        SyncState state = scheduler.onSnapshot(null, snapshot(ConnectionState.PAUSED, 1), T0);

        assertThat(scheduler.launch(state, T0)).isEmpty();
        assertThat(scheduler.launch(state, T0.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(scheduler.dueAt(state)).isNull();
    }

    @Test
    @DisplayName("After a successful cycle the next one runs one interval after the previous request, incrementally with the returned cursors")
    void nextCycleCarriesCursors() {
        Launch first = firstLaunch();
        SyncState done = scheduler.onEvent(first.state(),
                Fixtures.succeeded(first.request(), Fixtures.CURSORS, T0.plusSeconds(40)), T0.plusSeconds(41));

        assertThat(done.running()).isNull();
        assertThat(done.cursors()).isEqualTo(Fixtures.CURSORS);
        assertThat(scheduler.launch(done, T0.plus(Duration.ofMinutes(14)))).isEmpty();
        SyncRequested next = scheduler.launch(done, T0.plus(Duration.ofMinutes(15))).orElseThrow().request();
        assertThat(next.mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(next.cursors()).isEqualTo(Fixtures.CURSORS);
        assertThat(next.syncId()).isNotEqualTo(first.request().syncId());
    }

    @Test
    @DisplayName("A failed cycle's cursors are merged, so scopes it reached move on and the others keep their position")
    void failedCycleCursorsAreMerged() {
        Launch first = firstLaunch();
        SyncState done = scheduler.onEvent(first.state(), Fixtures.succeeded(first.request(), Fixtures.CURSORS, T0), T0);
        Launch second = scheduler.launch(done, T0.plus(Duration.ofMinutes(15))).orElseThrow();
        var failure = Fixtures.failed(second.request(), ErrorCode.MARKETPLACE_UNAVAILABLE, "503", null, T0.plus(Duration.ofMinutes(16)));
        var withOrders = new io.nexusconnect.contracts.sync.SyncCompleted(failure.syncId(), failure.connectionId(),
                failure.tenantId(), failure.marketplace(), failure.trigger(), failure.attempt(), failure.outcome(),
                failure.startedAt(), failure.finishedAt(), failure.counts(), Map.of("orders.lastUpdatedAfter", "2026-03-02T08:10:00Z"),
                failure.error(), null);

        SyncState after = scheduler.onEvent(second.state(), withOrders, T0.plus(Duration.ofMinutes(16)));

        assertThat(after.cursors()).containsEntry("orders.lastUpdatedAfter", "2026-03-02T08:10:00Z")
                .containsEntry("products.lastUpdatedAfter", Fixtures.CURSORS.get("products.lastUpdatedAfter"));
        assertThat(after.pending()).as("retryable: retried after the backoff").isNotNull();
        assertThat(after.pending().notBefore()).isEqualTo(T0.plus(Duration.ofMinutes(17)));
    }

    @Test
    @DisplayName("Sync Now while a cycle runs is queued, not duplicated, and runs as a full manual cycle right after it")
    void syncNowWhileRunningRunsAfter() {
        Launch first = firstLaunch();
        SyncState queued = scheduler.onSyncNow(first.state(), Fixtures.syncNow(id, T0.plusSeconds(5)), T0.plusSeconds(5));
        queued = scheduler.onSyncNow(queued, Fixtures.syncNow(id, T0.plusSeconds(6)), T0.plusSeconds(6));

        assertThat(scheduler.launch(queued, T0.plusSeconds(6))).as("one cycle at a time").isEmpty();
        SyncState done = scheduler.onEvent(queued, Fixtures.succeeded(first.request(), Fixtures.CURSORS, T0.plusSeconds(30)),
                T0.plusSeconds(30));
        SyncRequested manual = scheduler.launch(done, T0.plusSeconds(30)).orElseThrow().request();

        assertThat(manual.trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(manual.mode()).isEqualTo(SyncMode.FULL);
        assertThat(manual.cursors()).as("a full cycle starts from the lookback").isEmpty();
    }

    @Test
    @DisplayName("Sync Now on an idle connection runs at once; the same command delivered twice runs once")
    void syncNowIdleRunsOnce() {
        Launch first = firstLaunch();
        SyncState idle = scheduler.onEvent(first.state(), Fixtures.succeeded(first.request(), Fixtures.CURSORS, T0), T0);
        SyncNowRequested command = Fixtures.syncNow(id, T0.plusSeconds(60));

        Launch manual = scheduler.launch(scheduler.onSyncNow(idle, command, T0.plusSeconds(60)), T0.plusSeconds(60)).orElseThrow();
        SyncState done = scheduler.onEvent(manual.state(), Fixtures.succeeded(manual.request(), Fixtures.CURSORS, T0.plusSeconds(90)),
                T0.plusSeconds(90));
        SyncState redelivered = scheduler.onSyncNow(done, command, T0.plusSeconds(91));

        assertThat(manual.request().trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(redelivered).isEqualTo(done);
        assertThat(scheduler.launch(redelivered, T0.plusSeconds(91))).isEmpty();
    }

    @Test
    @DisplayName("A report for another syncId or attempt than the running one changes nothing")
    void staleReportsAreIgnored() {
        Launch first = firstLaunch();
        SyncRequested other = new SyncRequested(UUID.randomUUID(), id, first.request().tenantId(), first.request().marketplace(),
                first.request().scopes(), SyncMode.FULL, Map.of(), OrderLookback.SEVEN_DAYS, SyncTrigger.SCHEDULE, 1, T0,
                first.request().connection());

        SyncState after = scheduler.onEvent(first.state(), Fixtures.succeeded(other, Fixtures.CURSORS, T0), T0);

        assertThat(after).isEqualTo(first.state());
    }

    @Test
    @DisplayName("A cycle silent for the timeout is dead: retried with the same syncId after a doubling backoff until the tenant's attempts are used up, then left to the schedule")
    void deadCycleIsRetriedWithBackoff() {
        Launch first = firstLaunch();
        Instant dead = T0.plus(Duration.ofMinutes(30));

        assertThat(scheduler.expire(first.state(), dead.minusSeconds(1))).isEqualTo(first.state());
        SyncState expired = scheduler.expire(first.state(), dead);
        assertThat(expired.last().outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(expired.last().error().code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(scheduler.launch(expired, dead.plusSeconds(59))).as("first backoff: 1 min").isEmpty();
        Launch retry = scheduler.launch(expired, dead.plusSeconds(60)).orElseThrow();
        assertThat(retry.request().syncId()).isEqualTo(first.request().syncId());
        assertThat(retry.request().attempt()).isEqualTo(2);
        assertThat(retry.request().trigger()).isEqualTo(SyncTrigger.RETRY);

        Instant deadAgain = retry.request().requestedAt().plus(Duration.ofMinutes(30));
        SyncState expiredAgain = scheduler.expire(retry.state(), deadAgain);
        assertThat(expiredAgain.pending().notBefore()).as("second backoff: 2 min").isEqualTo(deadAgain.plusSeconds(120));
        Launch third = scheduler.launch(expiredAgain, deadAgain.plusSeconds(120)).orElseThrow();
        assertThat(third.request().attempt()).isEqualTo(3);

        Instant deadThird = third.request().requestedAt().plus(Duration.ofMinutes(30));
        SyncState givenUp = scheduler.expire(third.state(), deadThird);
        assertThat(givenUp.pending()).as("three attempts (tenant policy): the cycle is failed").isNull();
        SyncRequested scheduled = scheduler.launch(givenUp, deadThird).orElseThrow().request();
        assertThat(scheduled.trigger()).as("the interval since the retry has passed").isEqualTo(SyncTrigger.SCHEDULE);
        assertThat(scheduled.attempt()).isEqualTo(1);
        assertThat(scheduled.syncId()).isNotEqualTo(first.request().syncId());
    }

    @Test
    @DisplayName("Progress reports keep a long cycle alive")
    void progressExtendsTheDeadline() {
        Launch first = firstLaunch();
        SyncRequested request = first.request();
        SyncState progressed = scheduler.onEvent(first.state(), new SyncProgress(request.syncId(), id, request.tenantId(),
                request.marketplace(), SyncScope.ORDERS, new RecordCounts(0, 100, 0), T0.plus(Duration.ofMinutes(25))),
                T0.plus(Duration.ofMinutes(25)));

        assertThat(scheduler.expire(progressed, T0.plus(Duration.ofMinutes(40)))).isEqualTo(progressed);
        assertThat(scheduler.expire(progressed, T0.plus(Duration.ofMinutes(55))).running()).isNull();
    }

    @Test
    @DisplayName("A throttled cycle is retried when the marketplace allows it again, and nothing starts before")
    void rateLimitedWaitsUntilAllowed() {
        Launch first = firstLaunch();
        Instant until = T0.plus(Duration.ofMinutes(20));
        SyncState throttled = scheduler.onEvent(first.state(),
                Fixtures.failed(first.request(), ErrorCode.RATE_LIMITED, "QuotaExceeded", until, T0.plusSeconds(10)), T0.plusSeconds(10));
        throttled = scheduler.onSyncNow(throttled, Fixtures.syncNow(id, T0.plusSeconds(20)), T0.plusSeconds(20));

        assertThat(scheduler.launch(throttled, until.minusSeconds(1))).isEmpty();
        assertThat(scheduler.dueAt(throttled)).isEqualTo(until);
        assertThat(scheduler.launch(throttled, until)).isPresent();
    }

    @Test
    @DisplayName("A throttled cycle without a manual request is retried with the same syncId at rateLimitedUntil")
    void rateLimitedRetry() {
        Launch first = firstLaunch();
        Instant until = T0.plus(Duration.ofMinutes(5));
        SyncState throttled = scheduler.onEvent(first.state(),
                Fixtures.failed(first.request(), ErrorCode.RATE_LIMITED, "QuotaExceeded", until, T0.plusSeconds(10)), T0.plusSeconds(10));

        SyncRequested retry = scheduler.launch(throttled, until).orElseThrow().request();

        assertThat(retry.syncId()).isEqualTo(first.request().syncId());
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.trigger()).isEqualTo(SyncTrigger.RETRY);
    }

    @Test
    @DisplayName("An older snapshot is ignored; a changed interval re-plans from the last request; resuming a paused connection re-plans")
    void snapshotChanges() {
        Launch first = firstLaunch();
        SyncState state = scheduler.onEvent(first.state(), Fixtures.succeeded(first.request(), Fixtures.CURSORS, T0), T0);

        assertThat(scheduler.onSnapshot(state, snapshot(ConnectionState.ACTIVE, 0), T0)).isEqualTo(state);
        SyncState fourHours = scheduler.onSnapshot(state, Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.FOUR_HOURS, 2), T0);
        assertThat(fourHours.nextSyncAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        SyncState paused = scheduler.onSnapshot(fourHours, Fixtures.snapshot(id, ConnectionState.PAUSED, SyncInterval.FOUR_HOURS, 3), T0);
        assertThat(scheduler.dueAt(paused)).isNull();
        Instant later = T0.plus(Duration.ofDays(2));
        SyncState resumed = scheduler.onSnapshot(paused, Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.FOUR_HOURS, 4), later);
        assertThat(scheduler.dueAt(resumed)).isEqualTo(later);
        assertThat(scheduler.onSyncNow(paused, Fixtures.syncNow(id, T0), T0).pending()).as("Sync Now ignored while paused").isNull();
    }

    @Test
    @DisplayName("The interval override (local demo) replaces every connection's interval; settings without one get the default")
    void intervalOverrideAndDefault() {
        SchedulePolicy demo = new SchedulePolicy(Duration.ofHours(1), Optional.of(Duration.ofMinutes(2)), Duration.ofMinutes(30), 10,
                EnumSet.allOf(SyncScope.class));
        ConnectionSnapshot noInterval = Fixtures.snapshot(id, ConnectionState.ACTIVE, null, 1);

        assertThat(demo.intervalOf(snapshot(ConnectionState.ACTIVE, 1))).isEqualTo(Duration.ofMinutes(2));
        assertThat(SchedulePolicy.defaults().intervalOf(noInterval)).isEqualTo(Duration.ofHours(1));
    }

    private Launch firstLaunch() {
        SyncState state = scheduler.onSnapshot(null, snapshot(ConnectionState.ACTIVE, 1), T0);
        return scheduler.launch(state, T0).orElseThrow();
    }

    private ConnectionSnapshot snapshot(ConnectionState state, long version) {
        return Fixtures.snapshot(id, state, SyncInterval.FIFTEEN_MINUTES, version);
    }
}

package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.orchestrator.state.SyncState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries with exponential backoff from the tenant policy, giving up, and the reconnect after an expired token. */
class FailureHandlingTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final Scheduler scheduler = new Scheduler(SchedulePolicy.defaults(), RetryPolicy.defaults());
    private final UUID id = UUID.randomUUID();

    @Test
    @DisplayName("A retryable failure is retried after 30 s, 60 s, 120 s, 240 s (tenant: 5 attempts, 30 s backoff), then the cycle is failed")
    void exponentialBackoffUpToTheAttempts() {
        ConnectionSnapshot connection = snapshot(true, policy(5, Duration.ofSeconds(30)));
        SyncState state = scheduler.onSnapshot(null, connection, T0);
        Launch first = scheduler.launch(state, T0).orElseThrow();
        SyncRequested request = first.request();
        state = first.state();
        Instant now = T0;
        long[] expectedDelays = {30, 60, 120, 240};
        for (long delay : expectedDelays) {
            now = now.plusSeconds(10);
            state = scheduler.onEvent(state, Fixtures.failed(request, ErrorCode.MARKETPLACE_UNAVAILABLE, "503", null, now), now);
            assertThat(state.pending().notBefore()).as("backoff after attempt %d", request.attempt()).isEqualTo(now.plusSeconds(delay));
            assertThat(scheduler.launch(state, now.plusSeconds(delay - 1))).isEmpty();
            now = now.plusSeconds(delay);
            Launch retry = scheduler.launch(state, now).orElseThrow();
            assertThat(retry.request().syncId()).isEqualTo(request.syncId());
            assertThat(retry.request().trigger()).isEqualTo(SyncTrigger.RETRY);
            request = retry.request();
            state = retry.state();
        }
        assertThat(request.attempt()).isEqualTo(5);

        now = now.plusSeconds(10);
        SyncState failed = scheduler.onEvent(state, Fixtures.failed(request, ErrorCode.MARKETPLACE_UNAVAILABLE, "503", null, now), now);

        assertThat(failed.pending()).as("attempts used up").isNull();
        assertThat(failed.last().error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(scheduler.dueAt(failed)).as("back to the schedule").isEqualTo(request.requestedAt().plus(Duration.ofHours(1)));
    }

    @Test
    @DisplayName("Errors the seller must fix (invalid credentials, suspension, missing scope) are not retried; one attempt means no retry at all")
    void nonRetryableAndSingleAttempt() {
        for (ErrorCode code : new ErrorCode[]{ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_SUSPENDED, ErrorCode.SCOPE_MISSING}) {
            assertThat(failOnce(snapshot(true, TenantPolicy.defaults()), code).pending()).as("%s", code).isNull();
        }
        assertThat(failOnce(snapshot(true, policy(1, Duration.ofMinutes(1))), ErrorCode.INTERNAL).pending()).isNull();
        assertThat(new RetryPolicy(2, Duration.ofMinutes(1)).backoff(snapshot(true, policy(10, Duration.ofHours(8))), 9))
                .as("capped").isEqualTo(Duration.ofHours(24));
    }

    @Test
    @DisplayName("Token expired with auto-reconnect on: the same cycle is re-requested at once with trigger reconnect, once; a second expiry fails it")
    void tokenExpiredReconnects() {
        ConnectionSnapshot connection = snapshot(true, TenantPolicy.defaults());
        SyncState state = scheduler.onSnapshot(null, connection, T0);
        Launch first = scheduler.launch(state, T0).orElseThrow();
        Instant failedAt = T0.plusSeconds(5);

        SyncState expired = scheduler.onEvent(first.state(),
                Fixtures.failed(first.request(), ErrorCode.TOKEN_EXPIRED, "token expired", null, failedAt), failedAt);
        Launch reconnect = scheduler.launch(expired, failedAt).orElseThrow();

        assertThat(reconnect.request().trigger()).isEqualTo(SyncTrigger.RECONNECT);
        assertThat(reconnect.request().syncId()).isEqualTo(first.request().syncId());
        assertThat(reconnect.request().attempt()).isEqualTo(2);
        SyncState again = scheduler.onEvent(reconnect.state(),
                Fixtures.failed(reconnect.request(), ErrorCode.TOKEN_EXPIRED, "token expired", null, failedAt), failedAt);
        assertThat(again.pending()).as("the refresh did not help: the seller has to reconnect").isNull();
        assertThat(failOnce(snapshot(false, TenantPolicy.defaults()), ErrorCode.TOKEN_EXPIRED).pending())
                .as("auto-reconnect off").isNull();
    }

    private SyncState failOnce(ConnectionSnapshot connection, ErrorCode code) {
        Launch first = scheduler.launch(scheduler.onSnapshot(null, connection, T0), T0).orElseThrow();
        return scheduler.onEvent(first.state(), Fixtures.failed(first.request(), code, code.title(), null, T0.plusSeconds(5)),
                T0.plusSeconds(5));
    }

    private ConnectionSnapshot snapshot(boolean autoReconnect, TenantPolicy policy) {
        return Fixtures.snapshot(id, new ConnectionSettings(SyncInterval.HOURLY, null, OrderLookback.THIRTY_DAYS, 0,
                autoReconnect, null), policy, 1);
    }

    private static TenantPolicy policy(int attempts, Duration backoff) {
        return new TenantPolicy(SyncInterval.HOURLY, attempts, backoff, Duration.ofHours(1), Duration.ofDays(90), 10);
    }
}

package io.nexusconnect.orchestrator.status;

import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.status.StatusError;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.orchestrator.state.CycleOutcome;
import io.nexusconnect.orchestrator.state.LastCycle;
import io.nexusconnect.orchestrator.state.StatusView;
import io.nexusconnect.orchestrator.state.SyncState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.contracts.sync.SyncOutcome.FAILED;
import static io.nexusconnect.contracts.sync.SyncOutcome.PARTIAL;
import static io.nexusconnect.contracts.sync.SyncOutcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

class StatusDeriverTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant NEXT = T.plusSeconds(3600);
    private final StatusDeriver deriver = new StatusDeriver(3);
    private final UUID id = UUID.randomUUID();

    @Test
    @DisplayName("A connection is pending, with unknown health, until its first cycle completed")
    void pendingBeforeFirstCycle() {
        StatusView view = deriver.derive(state(null, List.of()), NEXT);

        assertThat(view.status()).isEqualTo(ConnectionStatus.PENDING);
        assertThat(view.health()).isEqualTo(Health.UNKNOWN);
        assertThat(view.lastSyncAt()).isNull();
        assertThat(view.nextSyncAt()).isEqualTo(NEXT);
    }

    @Test
    @DisplayName("A success or a partial cycle makes the connection active, with its last sync time and id")
    void activeAfterSuccessOrPartial() {
        UUID syncId = UUID.randomUUID();
        StatusView success = deriver.derive(state(new LastCycle(syncId, 1, SUCCESS, T, null, null), outcomes(SUCCESS)), NEXT);
        StatusView partial = deriver.derive(state(new LastCycle(syncId, 1, PARTIAL, T,
                StatusError.of(ErrorCode.SCOPE_MISSING, "no inventory role"), null), outcomes(SUCCESS, PARTIAL)), NEXT);

        assertThat(success.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(success.lastSyncAt()).isEqualTo(T);
        assertThat(success.lastSyncId()).isEqualTo(syncId);
        assertThat(success.error()).isNull();
        assertThat(partial.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(partial.error()).as("error is only shown for status error").isNull();
    }

    @Test
    @DisplayName("A failed cycle puts the connection in error with the product page's title and resolution")
    void errorAfterFailure() {
        StatusError error = StatusError.of(ErrorCode.TOKEN_EXPIRED, "The access token you provided has expired.");
        StatusView view = deriver.derive(state(new LastCycle(UUID.randomUUID(), 1, FAILED, T, error, null), outcomes(FAILED)), NEXT);

        assertThat(view.status()).isEqualTo(ConnectionStatus.ERROR);
        assertThat(view.error().code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(view.error().title()).isEqualTo("Token expired");
        assertThat(view.error().message()).isEqualTo("The access token you provided has expired.");
        assertThat(view.error().resolution()).isEqualTo("Click Reconnect to re-run the OAuth flow");
        assertThat(view.rateLimitedUntil()).isNull();
    }

    @Test
    @DisplayName("A cycle that failed with RATE_LIMITED makes the connection rate_limited until the given time")
    void rateLimited() {
        Instant until = T.plusSeconds(600);
        StatusView view = deriver.derive(state(new LastCycle(UUID.randomUUID(), 1, FAILED, T,
                StatusError.of(ErrorCode.RATE_LIMITED, "QuotaExceeded"), until), outcomes(SUCCESS, FAILED)), until);

        assertThat(view.status()).isEqualTo(ConnectionStatus.RATE_LIMITED);
        assertThat(view.rateLimitedUntil()).isEqualTo(until);
        assertThat(view.error()).isNull();
    }

    @Test
    @DisplayName("Health: healthy when every recent cycle succeeded, degraded with intermittent failures, unhealthy after failures in a row")
    void health() {
        assertThat(deriver.health(outcomes())).isEqualTo(Health.UNKNOWN);
        assertThat(deriver.health(outcomes(SUCCESS, SUCCESS, SUCCESS))).isEqualTo(Health.HEALTHY);
        assertThat(deriver.health(outcomes(SUCCESS, FAILED, SUCCESS))).isEqualTo(Health.DEGRADED);
        assertThat(deriver.health(outcomes(SUCCESS, PARTIAL))).isEqualTo(Health.DEGRADED);
        assertThat(deriver.health(outcomes(SUCCESS, FAILED, FAILED))).isEqualTo(Health.DEGRADED);
        assertThat(deriver.health(outcomes(SUCCESS, FAILED, FAILED, FAILED))).isEqualTo(Health.UNHEALTHY);
        assertThat(deriver.health(outcomes(FAILED))).as("every cycle so far failed").isEqualTo(Health.UNHEALTHY);
        assertThat(deriver.health(outcomes(FAILED, FAILED, FAILED, SUCCESS))).as("recovering").isEqualTo(Health.DEGRADED);
    }

    private SyncState state(LastCycle last, List<CycleOutcome> recent) {
        SyncState first = SyncState.first(Fixtures.snapshot(id, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1), T);
        return new SyncState(id, first.connection(), Map.of(), T, NEXT, null, null, last, recent, List.of(), null, Map.of());
    }

    private static List<CycleOutcome> outcomes(SyncOutcome... outcomes) {
        List<CycleOutcome> list = new ArrayList<>();
        for (SyncOutcome outcome : outcomes) {
            list.add(new CycleOutcome(UUID.randomUUID(), 1, outcome, outcome == SUCCESS ? null : ErrorCode.INTERNAL, T));
        }
        return list;
    }
}

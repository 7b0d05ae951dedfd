package io.nexusconnect.orchestrator.status;

import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.status.StatusError;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.orchestrator.state.CycleOutcome;
import io.nexusconnect.orchestrator.state.LastCycle;
import io.nexusconnect.orchestrator.state.StatusView;
import io.nexusconnect.orchestrator.state.SyncState;

import java.time.Instant;
import java.util.List;

/**
 * The status badge and health of a connection, derived from its state alone (product page rules):
 * <ul>
 *   <li>pending until the first cycle completed; active after a success or partial; error with the classified
 *       {@link StatusError} after a failed cycle; rate_limited (until {@code rateLimitedUntil}) when it failed with
 *       RATE_LIMITED;</li>
 *   <li>health over the recent window: unknown before any cycle, healthy when every cycle succeeded, unhealthy when
 *       the latest {@code unhealthyAfter} cycles (or every cycle so far, if fewer) failed in a row, degraded
 *       otherwise.</li>
 * </ul>
 */
public final class StatusDeriver {
    private final int unhealthyAfter;

    public StatusDeriver(int unhealthyAfter) {
        if (unhealthyAfter < 1) {
            throw new IllegalArgumentException("unhealthy-after must be at least 1 cycle");
        }
        this.unhealthyAfter = unhealthyAfter;
    }

    /** @param nextSyncAt when the next cycle is due, as the scheduler sees it; null when none is scheduled */
    public StatusView derive(SyncState state, Instant nextSyncAt) {
        LastCycle last = state.last();
        ConnectionStatus status = status(last);
        return new StatusView(
                status,
                status == ConnectionStatus.ERROR ? last.error() : null,
                health(state.recent()),
                last == null ? null : last.finishedAt(),
                last == null ? null : last.syncId(),
                nextSyncAt,
                status == ConnectionStatus.RATE_LIMITED ? last.rateLimitedUntil() : null);
    }

    public static ConnectionStatus status(LastCycle last) {
        if (last == null) {
            return ConnectionStatus.PENDING;
        }
        return switch (last.outcome()) {
            case SUCCESS, PARTIAL -> ConnectionStatus.ACTIVE;
            case FAILED -> last.error() != null && last.error().code() == ErrorCode.RATE_LIMITED
                    ? ConnectionStatus.RATE_LIMITED
                    : ConnectionStatus.ERROR;
        };
    }

    public Health health(List<CycleOutcome> recent) {
        if (recent.isEmpty()) {
            return Health.UNKNOWN;
        }
        if (recent.stream().allMatch(cycle -> cycle.outcome() == SyncOutcome.SUCCESS)) {
            return Health.HEALTHY;
        }
        int failedInARow = 0;
        for (int i = recent.size() - 1; i >= 0 && recent.get(i).outcome() == SyncOutcome.FAILED; i--) {
            failedInARow++;
        }
        return failedInARow >= Math.min(unhealthyAfter, recent.size()) ? Health.UNHEALTHY : Health.DEGRADED;
    }
}

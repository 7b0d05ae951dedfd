package io.nexusconnect.orchestrator.state;

import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncTrigger;

import java.time.Instant;
import java.util.UUID;

/**
 * The cycle an adapter is working on. Only events of this syncId and attempt move the state on; anything else is a
 * late answer to an attempt we already gave up on.
 *
 * @param lastActivityAt the request, SyncStarted or the latest SyncProgress: a cycle is dead when nothing was heard
 *                       for the cycle timeout after it
 */
public record RunningCycle(
        UUID syncId,
        int attempt,
        SyncTrigger trigger,
        SyncMode mode,
        Instant requestedAt,
        Instant startedAt,
        Instant lastActivityAt) {

    public boolean isAttempt(UUID otherSyncId, int otherAttempt) {
        return syncId.equals(otherSyncId) && attempt == otherAttempt;
    }

    public RunningCycle started(Instant at, Instant now) {
        return new RunningCycle(syncId, attempt, trigger, mode, requestedAt, at == null ? now : at, now);
    }

    public RunningCycle active(Instant now) {
        return new RunningCycle(syncId, attempt, trigger, mode, requestedAt, startedAt, now);
    }
}

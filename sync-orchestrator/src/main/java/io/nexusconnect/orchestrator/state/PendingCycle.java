package io.nexusconnect.orchestrator.state;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncTrigger;

import java.time.Instant;
import java.util.UUID;

/**
 * A cycle that runs as soon as the connection is idle and {@code notBefore} has passed: a Sync Now that arrived while
 * a cycle was running, or a retry.
 *
 * @param syncId  the syncId a retry repeats; null for a new cycle (it gets a fresh id when it is launched)
 * @param attempt 1 for a new cycle, the retry's attempt number otherwise
 */
public record PendingCycle(SyncTrigger trigger, SyncMode mode, Instant notBefore, UUID syncId, int attempt) {

    public static PendingCycle manual(SyncTrigger trigger, SyncMode mode, Instant notBefore) {
        return new PendingCycle(trigger, mode, notBefore, null, 1);
    }

    public static PendingCycle retry(RunningCycle failed, Instant notBefore) {
        return new PendingCycle(SyncTrigger.RETRY, failed.mode(), notBefore, failed.syncId(), failed.attempt() + 1);
    }

    /** After TOKEN_EXPIRED with auto-reconnect: the same cycle again at once, the adapter refreshing its token first. */
    public static PendingCycle reconnect(RunningCycle failed, Instant notBefore) {
        return new PendingCycle(SyncTrigger.RECONNECT, failed.mode(), notBefore, failed.syncId(), failed.attempt() + 1);
    }

    /** A seller's own request (Sync Now, reconnect) runs at once, even outside the sync window. */
    @JsonIgnore
    public boolean bypassesWindow() {
        return trigger == SyncTrigger.MANUAL || trigger == SyncTrigger.RECONNECT;
    }

    @JsonIgnore
    public boolean isRetry() {
        return syncId != null;
    }
}

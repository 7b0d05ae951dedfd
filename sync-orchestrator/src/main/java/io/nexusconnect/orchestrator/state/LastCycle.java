package io.nexusconnect.orchestrator.state;

import io.nexusconnect.contracts.status.StatusError;
import io.nexusconnect.contracts.sync.SyncOutcome;

import java.time.Instant;
import java.util.UUID;

/**
 * How the latest cycle ended (from its SyncCompleted, or our verdict when it died). The connection status is derived
 * from it.
 *
 * @param error            the classified failure; null on success
 * @param rateLimitedUntil when the marketplace lets the connection call again; null unless throttled
 */
public record LastCycle(UUID syncId, int attempt, SyncOutcome outcome, Instant finishedAt, StatusError error,
                        Instant rateLimitedUntil) {
}

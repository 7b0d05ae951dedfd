package io.nexusconnect.contracts.sync;

import io.nexusconnect.contracts.Marketplace;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A cycle ended. Published only after every normalized record of the cycle was acknowledged by Kafka, so a consumer
 * that sees it can trust the counts.
 *
 * @param cursors          where the next incremental cycle continues; on failure, the cursors that were reached
 *                         before it (nothing is skipped: a failed scope keeps its old cursor)
 * @param error            null on success
 * @param rateLimitedUntil set when the marketplace throttled the cycle; the connection is rate_limited until then
 */
public record SyncCompleted(
        UUID syncId,
        UUID connectionId,
        String tenantId,
        Marketplace marketplace,
        SyncTrigger trigger,
        int attempt,
        SyncOutcome outcome,
        Instant startedAt,
        Instant finishedAt,
        RecordCounts counts,
        Map<String, String> cursors,
        SyncError error,
        Instant rateLimitedUntil) implements SyncEvent {

    public static final String TYPE = "io.nexusconnect.sync.completed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}

package io.nexusconnect.orchestrator.state;

import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncOutcome;

import java.time.Instant;
import java.util.UUID;

/** One entry of the recent-cycles window that connection health is computed from. */
public record CycleOutcome(UUID syncId, int attempt, SyncOutcome outcome, ErrorCode errorCode, Instant finishedAt) {
}

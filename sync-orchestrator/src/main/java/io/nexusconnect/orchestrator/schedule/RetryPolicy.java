package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.orchestrator.state.PendingCycle;
import io.nexusconnect.orchestrator.state.RunningCycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed cycle is tried again. Deliberately simple for now: a dead (timed-out) cycle is re-requested at once
 * and a throttled one when the marketplace allows it again, each up to {@code maxAttempts}; every other failure waits
 * for the regular schedule. Backoff for the other retryable errors plugs in here.
 *
 * @param maxAttempts   attempts per syncId, the first included (2 = re-request once)
 * @param rateLimitWait how long to wait after RATE_LIMITED when the adapter did not say until when
 */
public record RetryPolicy(int maxAttempts, Duration rateLimitWait) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Duration.ofMinutes(1));
    }

    public Optional<PendingCycle> afterFailure(RunningCycle failed, ErrorCode code, Instant rateLimitedUntil, Instant now) {
        if (failed.attempt() >= maxAttempts) {
            return Optional.empty();
        }
        return switch (code) {
            case TIMEOUT -> Optional.of(PendingCycle.retry(failed, now));
            case RATE_LIMITED -> Optional.of(PendingCycle.retry(failed,
                    rateLimitedUntil != null ? rateLimitedUntil : now.plus(rateLimitWait)));
            default -> Optional.empty();
        };
    }
}

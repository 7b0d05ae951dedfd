package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.orchestrator.state.PendingCycle;
import io.nexusconnect.orchestrator.state.RunningCycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed cycle is tried again, from the tenant's {@link TenantPolicy} in the snapshot (the configured values
 * here only serve snapshots without one):
 * <ul>
 *   <li>a retryable failure ({@link ErrorCode#retryable()}: unavailable, malformed, timeout, internal) is retried with
 *       the same syncId after {@code retryBackoff × 2^(attempt-1)}, up to {@code retryAttempts} attempts in all; then
 *       the cycle is failed and the connection waits for its next scheduled cycle;</li>
 *   <li>RATE_LIMITED is retried at {@code rateLimitedUntil} (or after the rate-limit wait), within the same attempts;</li>
 *   <li>TOKEN_EXPIRED with auto-reconnect on is answered once per cycle by a {@code reconnect} attempt at once: the
 *       adapter refreshes the access token before calling the marketplace; a second TOKEN_EXPIRED fails the cycle;</li>
 *   <li>the other errors need the seller (credentials, suspension, scopes): no retry.</li>
 * </ul>
 *
 * @param maxAttempts   attempts per syncId when the snapshot has no tenant policy
 * @param rateLimitWait how long to wait after RATE_LIMITED when the adapter did not say until when
 */
public record RetryPolicy(int maxAttempts, Duration rateLimitWait) {
    static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);
    /** Doubling stops here: a retry is never further away than a daily schedule. */
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Duration.ofMinutes(1));
    }

    public Optional<PendingCycle> afterFailure(ConnectionSnapshot connection, RunningCycle failed, ErrorCode code,
                                               Instant rateLimitedUntil, Instant now) {
        if (code == ErrorCode.TOKEN_EXPIRED) {
            boolean autoReconnect = connection.settings() != null && connection.settings().autoReconnect();
            return autoReconnect && failed.trigger() != SyncTrigger.RECONNECT
                    ? Optional.of(PendingCycle.reconnect(failed, now))
                    : Optional.empty();
        }
        if (!code.retryable() || failed.attempt() >= attemptsOf(connection)) {
            return Optional.empty();
        }
        if (code == ErrorCode.RATE_LIMITED) {
            return Optional.of(PendingCycle.retry(failed, rateLimitedUntil != null ? rateLimitedUntil : now.plus(rateLimitWait)));
        }
        return Optional.of(PendingCycle.retry(failed, now.plus(backoff(connection, failed.attempt()))));
    }

    public int attemptsOf(ConnectionSnapshot connection) {
        TenantPolicy tenant = connection.policy();
        return tenant != null && tenant.retryAttempts() >= 1 ? tenant.retryAttempts() : maxAttempts;
    }

    /** Delay before attempt {@code failedAttempt + 1}: the first backoff, doubled per attempt already made. */
    public Duration backoff(ConnectionSnapshot connection, int failedAttempt) {
        TenantPolicy tenant = connection.policy();
        Duration first = tenant != null && tenant.retryBackoff() != null && tenant.retryBackoff().isPositive()
                ? tenant.retryBackoff() : DEFAULT_BACKOFF;
        Duration delay = first;
        for (int i = 1; i < failedAttempt && delay.compareTo(MAX_BACKOFF) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}

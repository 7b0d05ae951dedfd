package io.nexusconnect.contracts.kafka;

import java.time.Duration;

/**
 * How long a consumer waits before it tries a failed record again: doubling from {@code first}, capped at {@code max}
 * (a transient failure is retried for as long as it lasts, so the cap is what an outage costs after it ends).
 */
public record RetryBackoff(Duration first, Duration max) {
    public static final RetryBackoff CONSUMERS = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    public RetryBackoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + " / " + max);
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1 = the first failure). */
    public Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        long millis = first.toMillis() << Math.min(doublings, 20);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}

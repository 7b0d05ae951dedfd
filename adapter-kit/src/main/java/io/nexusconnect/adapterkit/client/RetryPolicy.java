package io.nexusconnect.adapterkit.client;

import java.time.Duration;

/**
 * How hard the client tries: at most {@code maxAttempts} sends, waiting at most {@code maxTotalWait} in all (a
 * Retry-After beyond it ends the retries, and the cycle reports the throttling instead of blocking a worker), with
 * exponential backoff with full jitter between {@code baseDelay} and {@code maxDelay}. Backoff delays are divided by
 * the client's speed factor; {@code maxTotalWait} and {@code requestTimeout} are real time, like Retry-After.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalWait,
                          Duration requestTimeout) {
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxTotalWait, requestTimeout);
    }

    public RetryPolicy withMaxTotalWait(Duration wait) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, wait, requestTimeout);
    }
}

package io.nexusconnect.adapterkit.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the wait before retry n is uniform in [0, min(max, base * 2^(n-1))]. Full
 * jitter spreads the replicas that were throttled together, so they do not come back in one wave.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The upper bound of the wait before retry {@code retry} (1 for the first retry). */
    public Duration ceiling(int retry) {
        int exponent = Math.min(Math.max(retry - 1, 0), 30);
        long nanos = base.toNanos();
        long ceiling = nanos > (Long.MAX_VALUE >> exponent) ? Long.MAX_VALUE : nanos << exponent;
        return Duration.ofNanos(Math.min(ceiling, max.toNanos()));
    }

    public Duration delay(int retry) {
        long ceiling = ceiling(retry).toNanos();
        return ceiling == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(ceiling + 1));
    }
}

package io.nexusconnect.sims.common.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * The token-bucket throttling algorithm (SP-API's, and the leaky buckets of other marketplaces): a bucket of
 * {@code burst} tokens, refilled at {@code rate} tokens per second, one token per request. Starts full. Time comes
 * from the caller, so a test clock drives refills.
 */
public final class TokenBucket {
    private final double ratePerSecond;
    private final int burst;
    private double tokens;
    private Instant refilledAt;

    public TokenBucket(double ratePerSecond, int burst, Instant now) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    public synchronized boolean tryAcquire(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    public synchronized double available(Instant now) {
        refill(now);
        return tokens;
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + seconds * ratePerSecond);
            refilledAt = now;
        }
    }
}

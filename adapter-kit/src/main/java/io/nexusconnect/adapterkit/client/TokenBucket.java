package io.nexusconnect.adapterkit.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The marketplace's own rate-limit algorithm mirrored on our side: {@code burst} tokens, refilled at {@code rate}
 * per second. Callers reserve a token and are told how long to wait for it, so waiting happens outside the lock and
 * waiters are served in the order they reserved (the balance may go below zero).
 *
 * <p>{@code speedFactor} multiplies the documented rate: a simulator that runs N times faster refills N times faster.
 * A rate the marketplace announces ({@link #updateRate}) is already the rate in force, in real seconds, and is taken
 * as it is.
 */
public final class TokenBucket {
    private final Clock clock;
    private final double burst;
    /** Tokens per real second. */
    private double ratePerSecond;
    private double tokens;
    private Instant refilledAt;

    public TokenBucket(double ratePerSecond, int burst, double speedFactor, Clock clock) {
        if (ratePerSecond <= 0 || burst < 1 || speedFactor <= 0) {
            throw new IllegalArgumentException("rate and speed factor must be > 0 and burst >= 1");
        }
        this.clock = clock;
        this.ratePerSecond = ratePerSecond * speedFactor;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = clock.instant();
    }

    /** Takes one token; the answer is how long the caller must wait before using it (zero when one was there). */
    public synchronized Duration reserve() {
        refill();
        tokens -= 1;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        double seconds = -tokens / ratePerSecond;
        return Duration.ofNanos((long) Math.ceil(seconds * 1_000_000_000d));
    }

    /** The marketplace said which rate is in force (e.g. x-amzn-RateLimit-Limit), in requests per real second. */
    public synchronized void updateRate(double newRatePerSecond) {
        if (newRatePerSecond > 0 && newRatePerSecond != ratePerSecond) {
            refill();
            ratePerSecond = newRatePerSecond;
        }
    }

    /** The marketplace throttled us: whatever we thought we had, it has nothing left. */
    public synchronized void drain() {
        refill();
        tokens = Math.min(tokens, 0);
    }

    /** The rate in force, in tokens per real second. */
    public synchronized double ratePerSecond() {
        return ratePerSecond;
    }

    public synchronized double availableTokens() {
        refill();
        return tokens;
    }

    private void refill() {
        Instant now = clock.instant();
        Duration elapsed = Duration.between(refilledAt, now);
        if (elapsed.isNegative() || elapsed.isZero()) {
            return;
        }
        double seconds = elapsed.toNanos() / 1_000_000_000d;
        tokens = Math.min(burst, tokens + seconds * ratePerSecond);
        refilledAt = now;
    }
}

package io.nexusconnect.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per connection: {@code perSecond} deliveries a second on average, bursts up to {@code burst}. Keeps
 * one runaway or hostile sender from starving the other connections of the gateway.
 */
public final class RateLimiter {
    private record Bucket(double tokens, long atNanos) {
    }

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final double perSecond;
    private final double burst;

    public RateLimiter(Clock clock, double perSecond, int burst) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes one token for the connection; false when its bucket is empty. */
    public boolean tryAcquire(UUID connectionId) {
        long now = nanos();
        boolean[] granted = {false};
        buckets.compute(connectionId, (id, bucket) -> {
            double tokens = bucket == null ? burst
                    : Math.min(burst, bucket.tokens() + (now - bucket.atNanos()) / 1e9 * perSecond);
            if (tokens >= 1) {
                granted[0] = true;
                tokens -= 1;
            }
            return new Bucket(tokens, now);
        });
        return granted[0];
    }

    /** How long until the connection has a token again, for Retry-After. */
    public Duration retryAfter() {
        return Duration.ofMillis((long) Math.ceil(1000 / perSecond));
    }

    public void forget(UUID connectionId) {
        buckets.remove(connectionId);
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

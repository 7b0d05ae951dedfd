package io.nexusconnect.adapterkit.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per (account, operation). Marketplaces meter per seller and application, so two connections never
 * share a bucket, while all calls of one connection to one operation do. Operations are registered with their
 * documented limits; an unregistered operation is not limited on our side (the marketplace's 429 still is honoured).
 */
public final class RateLimiter {
    private final Map<String, OperationLimit> limits = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final double speedFactor;

    public RateLimiter(Clock clock, double speedFactor) {
        this.clock = clock;
        this.speedFactor = speedFactor;
    }

    public RateLimiter register(OperationLimit limit) {
        limits.put(limit.operation(), limit);
        return this;
    }

    public Optional<OperationLimit> limit(String operation) {
        return Optional.ofNullable(limits.get(operation));
    }

    /** The bucket of this account's operation, created full on first use. */
    public Optional<TokenBucket> bucket(String accountKey, String operation) {
        OperationLimit limit = limits.get(operation);
        if (limit == null) {
            return Optional.empty();
        }
        return Optional.of(buckets.computeIfAbsent(accountKey + "|" + operation,
                key -> new TokenBucket(limit.ratePerSecond(), limit.burst(), speedFactor, clock)));
    }

    /** Reserves a token and answers the wait before it may be used. */
    public Duration reserve(String accountKey, String operation) {
        return bucket(accountKey, operation).map(TokenBucket::reserve).orElse(Duration.ZERO);
    }

    public double speedFactor() {
        return speedFactor;
    }
}

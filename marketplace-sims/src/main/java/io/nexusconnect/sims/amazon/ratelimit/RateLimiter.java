package io.nexusconnect.sims.amazon.ratelimit;

import io.nexusconnect.sims.amazon.models.ModelOperation.UsagePlan;
import io.nexusconnect.sims.amazon.models.SpApiModels;
import io.nexusconnect.sims.common.ratelimit.TokenBucket;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per (operation, selling partner, application), at the usage plan of the operation's model with
 * the rate multiplied by the speed factor. Operations without a plan are not throttled.
 */
public final class RateLimiter {
    private final SpApiModels models;
    private final double speedFactor;
    private final Clock clock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(SpApiModels models, double speedFactor, Clock clock) {
        this.models = models;
        this.speedFactor = speedFactor;
        this.clock = clock;
    }

    /** The plan in force (documented rate × speed factor, documented burst). */
    public Optional<UsagePlan> planInForce(String operationId) {
        return models.usagePlan(operationId).map(p -> new UsagePlan(p.rate() * speedFactor, p.burst()));
    }

    /** The {@code x-amzn-RateLimit-Limit} value: the rate in force, in requests per second. */
    public Optional<String> limitHeader(String operationId) {
        return planInForce(operationId)
                .map(p -> BigDecimal.valueOf(p.rate()).stripTrailingZeros().toPlainString());
    }

    /**
     * Takes one token for the call; false = throttled.
     *
     * @param scope who the quota belongs to, e.g. selling partner + application (+ "sandbox")
     */
    public boolean tryAcquire(String operationId, String scope) {
        Optional<UsagePlan> plan = planInForce(operationId);
        if (plan.isEmpty()) {
            return true;
        }
        TokenBucket bucket = buckets.computeIfAbsent(operationId + "|" + scope,
                k -> new TokenBucket(plan.get().rate(), plan.get().burst(), clock.instant()));
        return bucket.tryAcquire(clock.instant());
    }

    /** Forgets every bucket: the next calls start with full bursts. */
    public void reset() {
        buckets.clear();
    }
}

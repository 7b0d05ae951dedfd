package io.nexusconnect.shopify.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pacing on Shopify's calculated query cost, a pure decision core: it keeps, per shop, the last
 * {@code throttleStatus} an answer reported and extrapolates it with the restore rate, so a query is sent only when
 * its requested cost is available (no THROTTLED answers in steady state), and after a THROTTLED answer the wait is
 * exactly the time the bucket needs to restore the missing points — not a retry storm.
 */
public final class CostPacer {
    /** What an answer said about the bucket. */
    public record ThrottleStatus(double maximumAvailable, double currentlyAvailable, double restoreRate) {
    }

    private record State(ThrottleStatus status, Instant at) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final double initialMaximum;
    private final double initialRestoreRate;

    public CostPacer(double initialMaximum, double initialRestoreRate) {
        this.initialMaximum = initialMaximum;
        this.initialRestoreRate = initialRestoreRate;
    }

    /** The points available now for a shop, extrapolated from the last reported status. */
    public double available(String shop, Instant now) {
        State s = states.get(shop);
        if (s == null) {
            return initialMaximum;
        }
        double seconds = Math.max(0, Duration.between(s.at(), now).toMillis() / 1000.0);
        return Math.min(s.status().maximumAvailable(),
                s.status().currentlyAvailable() + seconds * s.status().restoreRate());
    }

    /** How long to wait before a query of {@code requestedCost} can be admitted. */
    public Duration waitBefore(String shop, int requestedCost, Instant now) {
        double missing = requestedCost - available(shop, now);
        if (missing <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil(missing * 1000 / restoreRate(shop)));
    }

    /** Remembers what an answer reported; when it reported nothing, charges the requested cost. */
    public void observe(String shop, ThrottleStatus status, int requestedCost, Instant now) {
        if (status != null && status.restoreRate() > 0) {
            states.put(shop, new State(status, now));
            return;
        }
        double left = Math.max(0, available(shop, now) - requestedCost);
        State s = states.get(shop);
        ThrottleStatus base = s == null ? new ThrottleStatus(initialMaximum, left, initialRestoreRate) : s.status();
        states.put(shop, new State(new ThrottleStatus(base.maximumAvailable(), left, base.restoreRate()), now));
    }

    public double restoreRate(String shop) {
        State s = states.get(shop);
        return s == null ? initialRestoreRate : s.status().restoreRate();
    }
}

package io.nexusconnect.sims.kaufland;

import io.nexusconnect.sims.common.lifecycle.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a Kaufland simulator runs. The request rate and the clock-skew window are configurable because Kaufland's
 * documented values are uncertain (BEHAVIOR.md of adapter-kaufland).
 *
 * @param requestsPerSecond the per-seller rate across all endpoints (documented: 111 per second)
 * @param clockSkew         how far {@code Shop-Timestamp} may lie from the simulator's clock either way
 * @param storefronts       the storefronts the demo seller has configured
 */
public record KauflandSimConfig(String host, int port, Clock clock, long seed, int orderCount, int unitCount,
                                List<String> storefronts, double requestsPerSecond, Duration clockSkew,
                                Duration lookback) implements SimulatorConfig {

    public static final double DOCUMENTED_REQUESTS_PER_SECOND = 111;

    public KauflandSimConfig {
        Objects.requireNonNull(clock, "clock");
        storefronts = List.copyOf(storefronts);
        if (storefronts.isEmpty() || requestsPerSecond <= 0 || orderCount < 0 || unitCount < 1) {
            throw new IllegalArgumentException("storefronts, a positive rate and at least one unit are required");
        }
    }

    public static KauflandSimConfig defaults() {
        return new KauflandSimConfig("127.0.0.1", 0, Clock.systemUTC(), 42, 300, 100, List.of("de", "at", "cz"),
                DOCUMENTED_REQUESTS_PER_SECOND, Duration.ofMinutes(5), Duration.ofDays(30));
    }

    public KauflandSimConfig withHost(String value) {
        return new KauflandSimConfig(value, port, clock, seed, orderCount, unitCount, storefronts, requestsPerSecond,
                clockSkew, lookback);
    }

    public KauflandSimConfig withPort(int value) {
        return new KauflandSimConfig(host, value, clock, seed, orderCount, unitCount, storefronts, requestsPerSecond,
                clockSkew, lookback);
    }

    public KauflandSimConfig withClock(Clock value) {
        return new KauflandSimConfig(host, port, value, seed, orderCount, unitCount, storefronts, requestsPerSecond,
                clockSkew, lookback);
    }

    public KauflandSimConfig withData(int orders, int units, long seedValue) {
        return new KauflandSimConfig(host, port, clock, seedValue, orders, units, storefronts, requestsPerSecond,
                clockSkew, lookback);
    }

    public KauflandSimConfig withStorefronts(List<String> value) {
        return new KauflandSimConfig(host, port, clock, seed, orderCount, unitCount, value, requestsPerSecond,
                clockSkew, lookback);
    }

    public KauflandSimConfig withRequestsPerSecond(double value) {
        return new KauflandSimConfig(host, port, clock, seed, orderCount, unitCount, storefronts, value, clockSkew,
                lookback);
    }

    public KauflandSimConfig withClockSkew(Duration value) {
        return new KauflandSimConfig(host, port, clock, seed, orderCount, unitCount, storefronts, requestsPerSecond,
                value, lookback);
    }
}

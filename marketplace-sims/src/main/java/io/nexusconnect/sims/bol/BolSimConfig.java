package io.nexusconnect.sims.bol;

import io.nexusconnect.sims.common.lifecycle.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a bol.com Retailer API v10 simulator runs. Every limit is configurable because bol's published values are seen
 * only through public copies (reference §5.3; adapter-bol/BEHAVIOR.md).
 *
 * @param tokenTtl          how long an access token lives (commonly 299 s at bol)
 * @param processingTime    how long a write's process status stays {@code PENDING}
 * @param limits            per operation: requests per window; the operation ids are the spec's
 */
public record BolSimConfig(String host, int port, Clock clock, long seed, int orderCount, int offerCount,
                           Duration tokenTtl, Duration processingTime, Map<String, Limit> limits)
        implements SimulatorConfig {

    /** {@code requests} per {@code window}, refilled smoothly (a token bucket of {@code requests}). */
    public record Limit(int requests, Duration window) {
        public double perSecond() {
            return requests / (window.toNanos() / 1e9);
        }
    }

    public BolSimConfig {
        Objects.requireNonNull(clock, "clock");
        limits = Map.copyOf(limits);
        if (orderCount < 0 || offerCount < 1 || tokenTtl.isNegative() || processingTime.isNegative()) {
            throw new IllegalArgumentException("at least one offer and non-negative durations are required");
        }
    }

    /** The production values as published in bol's machine-readable list (reference §5.3), where known. */
    public static Map<String, Limit> publishedLimits() {
        Map<String, Limit> limits = new LinkedHashMap<>();
        limits.put("get-orders", new Limit(25, Duration.ofMinutes(1)));
        limits.put("get-order", new Limit(25, Duration.ofSeconds(1)));
        limits.put("update-offer-stock", new Limit(25, Duration.ofSeconds(1)));
        limits.put("post-offer-export", new Limit(25, Duration.ofSeconds(1)));
        limits.put("get-offer-export", new Limit(25, Duration.ofSeconds(1)));
        limits.put("get-process-status", new Limit(25, Duration.ofSeconds(1)));
        limits.put("get-process-status-bulk", new Limit(25, Duration.ofSeconds(1)));
        return limits;
    }

    public static BolSimConfig defaults() {
        return new BolSimConfig("127.0.0.1", 0, Clock.systemUTC(), 42, 300, 100, Duration.ofSeconds(299),
                Duration.ofSeconds(2), publishedLimits());
    }

    public BolSimConfig withHost(String value) {
        return new BolSimConfig(value, port, clock, seed, orderCount, offerCount, tokenTtl, processingTime, limits);
    }

    public BolSimConfig withPort(int value) {
        return new BolSimConfig(host, value, clock, seed, orderCount, offerCount, tokenTtl, processingTime, limits);
    }

    public BolSimConfig withClock(Clock value) {
        return new BolSimConfig(host, port, value, seed, orderCount, offerCount, tokenTtl, processingTime, limits);
    }

    public BolSimConfig withData(int orders, int offers, long seedValue) {
        return new BolSimConfig(host, port, clock, seedValue, orders, offers, tokenTtl, processingTime, limits);
    }

    public BolSimConfig withProcessingTime(Duration value) {
        return new BolSimConfig(host, port, clock, seed, orderCount, offerCount, tokenTtl, value, limits);
    }

    public BolSimConfig withLimit(String operationId, Limit limit) {
        Map<String, Limit> copy = new LinkedHashMap<>(limits);
        copy.put(operationId, limit);
        return new BolSimConfig(host, port, clock, seed, orderCount, offerCount, tokenTtl, processingTime, copy);
    }
}

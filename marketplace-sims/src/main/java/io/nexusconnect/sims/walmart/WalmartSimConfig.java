package io.nexusconnect.sims.walmart;

import io.nexusconnect.sims.common.lifecycle.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a Walmart simulator instance looks like. Limits the documentation leaves open (per-endpoint buckets, the
 * production feed rate) are values here, named after the operation they throttle.
 *
 * @param chargeBasis whether {@code chargeAmount} of a PRODUCT charge is the unit price or the line total (uncertain
 *                    in Walmart's documentation, see BEHAVIOR-walmart.md)
 * @param feedProcessing how long an accepted feed stays RECEIVED/INPROGRESS before it is PROCESSED
 * @param pushRetryDelays the waits before each retry of a notification the receiver did not answer 2xx
 */
public record WalmartSimConfig(String host, int port, Clock clock, long seed, int orderCount, int itemCount,
                               Duration lookback, Duration tokenTtl, Map<String, Bucket> buckets,
                               int feedsPerHour, Duration feedProcessing, ChargeBasis chargeBasis,
                               List<Duration> pushRetryDelays) implements SimulatorConfig {

    /** A token bucket: {@code burst} calls, refilled at {@code perSecond}. */
    public record Bucket(double perSecond, int burst) {
    }

    public enum ChargeBasis { UNIT, LINE }

    /** Decision: Walmart's limits table is not in the specs; these figures are of the order the docs name. */
    public static final Map<String, Bucket> DEFAULT_BUCKETS = Map.of(
            WalmartSimulator.GET_ORDERS, new Bucket(20.0 / 60, 20),
            WalmartSimulator.ACKNOWLEDGE, new Bucket(20.0 / 60, 20),
            WalmartSimulator.UPDATE_INVENTORY, new Bucket(50.0 / 60, 50),
            WalmartSimulator.GET_INVENTORY, new Bucket(50.0 / 60, 50),
            WalmartSimulator.SUBMIT_FEED, new Bucket(10.0 / 60, 10),
            WalmartSimulator.GET_FEED, new Bucket(100.0 / 60, 100),
            WalmartSimulator.GET_ITEMS, new Bucket(300.0 / 60, 300));

    /** Walmart retries a notification about three times until it gets a 2xx (reference §3.4); the spacing is ours. */
    public static final List<Duration> DEFAULT_PUSH_RETRIES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    /** A configuration with Walmart's default notification retries. */
    public WalmartSimConfig(String host, int port, Clock clock, long seed, int orderCount, int itemCount,
                            Duration lookback, Duration tokenTtl, Map<String, Bucket> buckets, int feedsPerHour,
                            Duration feedProcessing, ChargeBasis chargeBasis) {
        this(host, port, clock, seed, orderCount, itemCount, lookback, tokenTtl, buckets, feedsPerHour,
                feedProcessing, chargeBasis, DEFAULT_PUSH_RETRIES);
    }

    public static WalmartSimConfig defaults() {
        return new WalmartSimConfig("127.0.0.1", 0, Clock.systemUTC(), 42, 120, 40, Duration.ofDays(30),
                Duration.ofMinutes(15), DEFAULT_BUCKETS, 30, Duration.ofSeconds(2), ChargeBasis.UNIT, DEFAULT_PUSH_RETRIES);
    }

    public WalmartSimConfig withPort(int newPort) {
        return new WalmartSimConfig(host, newPort, clock, seed, orderCount, itemCount, lookback, tokenTtl, buckets,
                feedsPerHour, feedProcessing, chargeBasis, pushRetryDelays);
    }

    public WalmartSimConfig withClock(Clock newClock) {
        return new WalmartSimConfig(host, port, newClock, seed, orderCount, itemCount, lookback, tokenTtl, buckets,
                feedsPerHour, feedProcessing, chargeBasis, pushRetryDelays);
    }

    public WalmartSimConfig withData(int orders, int items, long newSeed) {
        return new WalmartSimConfig(host, port, clock, newSeed, orders, items, lookback, tokenTtl, buckets,
                feedsPerHour, feedProcessing, chargeBasis, pushRetryDelays);
    }

    public WalmartSimConfig withBuckets(Map<String, Bucket> newBuckets) {
        return new WalmartSimConfig(host, port, clock, seed, orderCount, itemCount, lookback, tokenTtl, newBuckets,
                feedsPerHour, feedProcessing, chargeBasis, pushRetryDelays);
    }

    public WalmartSimConfig withFeeds(int perHour, Duration processing) {
        return new WalmartSimConfig(host, port, clock, seed, orderCount, itemCount, lookback, tokenTtl, buckets,
                perHour, processing, chargeBasis, pushRetryDelays);
    }

    public WalmartSimConfig withTokenTtl(Duration ttl) {
        return new WalmartSimConfig(host, port, clock, seed, orderCount, itemCount, lookback, ttl, buckets,
                feedsPerHour, feedProcessing, chargeBasis, pushRetryDelays);
    }

    public WalmartSimConfig withPushRetries(List<Duration> delays) {
        return new WalmartSimConfig(host, port, clock, seed, orderCount, itemCount, lookback, tokenTtl, buckets,
                feedsPerHour, feedProcessing, chargeBasis, List.copyOf(delays));
    }
}

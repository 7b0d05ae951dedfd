package io.nexusconnect.sims.shopify;

import io.nexusconnect.sims.common.lifecycle.SimulatorConfig;
import io.nexusconnect.sims.shopify.webhooks.WebhookSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How a Shopify simulator runs. Cost limits default to the Standard plan of
 * https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits (restore 100 points/s, single query at most 1000
 * points); the bucket size (2000) is not stated on that page and is configurable. {@code speedFactor} multiplies the
 * restore rate and divides the bulk operation's run time and the webhook retry delays, for faster tests.
 */
public record ShopifySimConfig(String host, int port, long seed, int orderCount, int productCount, Duration lookback,
                               double speedFactor, double maximumAvailable, double restoreRate,
                               int maxSingleQueryCost, Duration bulkCompletion, boolean idempotencyRequired,
                               List<String> supportedVersions, Clock clock,
                               WebhookSettings webhooks) implements SimulatorConfig {

    public static final List<String> SUPPORTED_VERSIONS = List.of("2026-01", "2026-04", "2026-07", "2026-10",
            "2027-01");

    public static ShopifySimConfig defaults() {
        return new ShopifySimConfig("127.0.0.1", 0, 42, 1200, 150, Duration.ofDays(30), 1, 2000, 100, 1000,
                Duration.ofSeconds(5), false, SUPPORTED_VERSIONS, Clock.systemUTC(), WebhookSettings.defaults());
    }

    public ShopifySimConfig withPort(int port) {
        return new ShopifySimConfig(host, port, seed, orderCount, productCount, lookback, speedFactor,
                maximumAvailable, restoreRate, maxSingleQueryCost, bulkCompletion, idempotencyRequired,
                supportedVersions, clock, webhooks);
    }

    public ShopifySimConfig withHost(String host) {
        return new ShopifySimConfig(host, port, seed, orderCount, productCount, lookback, speedFactor,
                maximumAvailable, restoreRate, maxSingleQueryCost, bulkCompletion, idempotencyRequired,
                supportedVersions, clock, webhooks);
    }

    public ShopifySimConfig withData(int orders, int products, long seed) {
        return new ShopifySimConfig(host, port, seed, orders, products, lookback, speedFactor, maximumAvailable,
                restoreRate, maxSingleQueryCost, bulkCompletion, idempotencyRequired, supportedVersions, clock, webhooks);
    }

    public ShopifySimConfig withLookback(Duration lookback) {
        return new ShopifySimConfig(host, port, seed, orderCount, productCount, lookback, speedFactor,
                maximumAvailable, restoreRate, maxSingleQueryCost, bulkCompletion, idempotencyRequired,
                supportedVersions, clock, webhooks);
    }

    public ShopifySimConfig withSpeed(double speedFactor) {
        return new ShopifySimConfig(host, port, seed, orderCount, productCount, lookback, speedFactor,
                maximumAvailable, restoreRate, maxSingleQueryCost, bulkCompletion, idempotencyRequired,
                supportedVersions, clock, webhooks);
    }

    public ShopifySimConfig withBucket(double maximumAvailable, double restoreRate) {
        return new ShopifySimConfig(host, port, seed, orderCount, productCount, lookback, speedFactor,
                maximumAvailable, restoreRate, maxSingleQueryCost, bulkCompletion, idempotencyRequired,
                supportedVersions, clock, webhooks);
    }

    public ShopifySimConfig withBulkCompletion(Duration bulkCompletion) {
        return new ShopifySimConfig(host, port, seed, orderCount, productCount, lookback, speedFactor,
                maximumAvailable, restoreRate, maxSingleQueryCost, bulkCompletion, idempotencyRequired,
                supportedVersions, clock, webhooks);
    }

    public ShopifySimConfig withIdempotencyRequired(boolean required) {
        return new ShopifySimConfig(host, port, seed, orderCount, productCount, lookback, speedFactor,
                maximumAvailable, restoreRate, maxSingleQueryCost, bulkCompletion, required, supportedVersions,
                clock, webhooks);
    }

    public ShopifySimConfig withClock(Clock clock) {
        return new ShopifySimConfig(host, port, seed, orderCount, productCount, lookback, speedFactor,
                maximumAvailable, restoreRate, maxSingleQueryCost, bulkCompletion, idempotencyRequired,
                supportedVersions, clock, webhooks);
    }

    public ShopifySimConfig withWebhooks(WebhookSettings webhooks) {
        return new ShopifySimConfig(host, port, seed, orderCount, productCount, lookback, speedFactor,
                maximumAvailable, restoreRate, maxSingleQueryCost, bulkCompletion, idempotencyRequired,
                supportedVersions, clock, webhooks);
    }

    /** The restore rate in force (documented rate × speed factor). */
    public double effectiveRestoreRate() {
        return restoreRate * speedFactor;
    }

    public Duration effectiveBulkCompletion() {
        return Duration.ofMillis((long) (bulkCompletion.toMillis() / speedFactor));
    }
}

package io.nexusconnect.kaufland.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * Where and how the adapter talks to Kaufland. The host comes only from here, never from a connection. Uncertain
 * values (BEHAVIOR.md) are settings.
 */
@ConfigMapping(prefix = "nexus.kaufland")
public interface KauflandConfig {
    /** The API base including {@code /v2}; signatures cover the full URL built from it. */
    @WithName("api-url")
    @WithDefault("https://sellerapi.kaufland.com/v2")
    String apiUrl();

    /** Kaufland requires a User-Agent naming the partner solution. */
    @WithName("user-agent")
    @WithDefault("nexus-connect/0.1")
    String userAgent();

    /** The documented per-seller rate across all endpoints (111/s, uncertain: BEHAVIOR.md). */
    @WithName("requests-per-second")
    @WithDefault("111")
    double requestsPerSecond();

    @WithName("max-attempts")
    @WithDefault("5")
    int maxAttempts();

    @WithName("max-retry-wait")
    @WithDefault("PT2M")
    Duration maxRetryWait();

    @WithName("request-timeout")
    @WithDefault("PT30S")
    Duration requestTimeout();

    /** Our own backoff runs this many times faster (1 in production; tests speed it up). */
    @WithName("speed-factor")
    @WithDefault("1")
    double speedFactor();

    /** limit of order-units and units list calls (the spec's maximum is 100). */
    @WithName("page-size")
    @WithDefault("100")
    int pageSize();

    /** Units per bulk update (the spec: more than 150 fails the whole request). */
    @WithName("stock-batch-size")
    @WithDefault("150")
    int stockBatchSize();

    /** Commands of at most this many SKUs use single PATCH calls instead of reading the unit list first. */
    @WithName("single-patch-max")
    @WithDefault("5")
    int singlePatchMax();

    Webhooks webhooks();

    interface Webhooks {
        /** The events subscribed per storefront (swagger.json {@code SubscriptionEventName}; BEHAVIOR.md). */
        @WithName("events")
        @WithDefault("order_new,order_unit_status_changed")
        java.util.List<String> events();

        /**
         * Kaufland mails this address when it disables a subscription whose callback stays unreachable (required by
         * AddSubscription); a connection's {@code webhookFallbackEmail} property overrides it.
         */
        @WithName("fallback-email")
        java.util.Optional<String> fallbackEmail();
    }
}

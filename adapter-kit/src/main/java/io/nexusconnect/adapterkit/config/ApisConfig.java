package io.nexusconnect.adapterkit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One config group per marketplace API, {@code nexus.apis.<api>.*}: where it is, how fast it may be called and how
 * patiently. An adapter declares its APIs' documented values in its own {@code application.properties}; a deployment
 * overrides any of them (uncertain limits stay configurable). Hosts come only from configuration, never from a
 * connection, so a connection cannot point the adapter and its credentials at another host.
 *
 * <pre>
 * nexus.apis.sp-api.base-url=https://sellingpartnerapi-na.amazon.com
 * nexus.apis.sp-api.request-id-header=x-amzn-RequestId
 * nexus.apis.sp-api.rate-header=x-amzn-RateLimit-Limit
 * nexus.apis.sp-api.limits.getOrders.rate=0.0167
 * nexus.apis.sp-api.limits.getOrders.burst=20
 * </pre>
 */
@ConfigMapping(prefix = "nexus.apis")
public interface ApisConfig {

    @WithParentName
    Map<String, Api> apis();

    interface Api {
        /** The API's base URL; optional for APIs whose host depends on the connection's region (then the adapter
         * keeps a configured host per region). */
        @WithName("base-url")
        Optional<String> baseUrl();

        /** Documented usage plans per operation (the bucket's name is the operation's). */
        Map<String, Limit> limits();

        /** How many times faster than real time the marketplace runs: 1 in production, a simulator's factor in tests. */
        @WithName("speed-factor")
        @WithDefault("${nexus.adapter.speed-factor:1}")
        double speedFactor();

        @WithName("max-attempts")
        @WithDefault("5")
        int maxAttempts();

        @WithName("base-delay")
        @WithDefault("PT1S")
        Duration baseDelay();

        @WithName("max-delay")
        @WithDefault("PT30S")
        Duration maxDelay();

        /** Longest total wait for retries of one call (Retry-After, backoff); beyond it the call reports the failure. */
        @WithName("max-retry-wait")
        @WithDefault("PT2M")
        Duration maxRetryWait();

        @WithName("request-timeout")
        @WithDefault("PT30S")
        Duration requestTimeout();

        @WithName("circuit-breaker.failure-threshold")
        @WithDefault("5")
        int breakerThreshold();

        @WithName("circuit-breaker.open-for")
        @WithDefault("PT30S")
        Duration breakerOpenFor();

        /** The header carrying the marketplace's request id (kept in sync errors). */
        @WithName("request-id-header")
        Optional<String> requestIdHeader();

        /** A header announcing the operation's current rate per second, which then replaces the documented one. */
        @WithName("rate-header")
        Optional<String> rateHeader();

        /** Some marketplaces require a partner-specific User-Agent (Kaufland). */
        @WithName("user-agent")
        Optional<String> userAgent();
    }

    interface Limit {
        double rate();

        int burst();
    }
}

package io.nexusconnect.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Every knob of the gateway: {@code nexus.gateway.*}, or {@code NEXUS_GATEWAY_*} in the environment. */
@ConfigMapping(prefix = "nexus.gateway")
public interface GatewayConfig {
    /**
     * The public base URL marketplaces call ({@code https://hooks.example.com}); eBay's challenge hashes the exact
     * registered endpoint, {@code <base>/api/webhooks/ebay/<connectionId>}.
     */
    @WithDefault("http://localhost:8090")
    String publicBaseUrl();

    /** Largest body accepted; larger ones are answered 413 from their Content-Length, unread. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** How long a delivery waits for the broker's confirmation before it is answered 503 (Shopify gives up at 5 s). */
    @WithDefault("3s")
    Duration publishTimeout();

    /**
     * How long the producer keeps trying a record after the answer gave up on it: if it becomes durable in this
     * time, the marketplace's retry is a duplicate.
     */
    @WithDefault("2m")
    Duration deliveryTimeout();

    /**
     * Deliveries of one marketplace event within this window are published once. It covers Shopify's retries (8 over
     * 4 h), the longest of the marketplaces'; the gateway's memory grows with deliveries per second × window.
     */
    @WithDefault("6h")
    Duration dedupeWindow();

    /** Signed timestamps (Walmart) older or newer than this are refused as replays. */
    @WithDefault("5m")
    Duration replayWindow();

    RateLimit rateLimit();

    Ebay ebay();

    /** Kubernetes: the pod name, so each replica's Kafka clients are told apart. */
    Optional<String> instanceId();

    interface RateLimit {
        /** deliveries per second per connection, on average */
        @WithDefault("50")
        double perSecond();

        @WithDefault("200")
        int burst();
    }

    interface Ebay {
        @WithDefault("https://api.ebay.com")
        String productionBaseUrl();

        @WithDefault("https://api.sandbox.ebay.com")
        String sandboxBaseUrl();

        /** eBay recommends caching a notification key for about an hour. */
        @WithDefault("1h")
        Duration keyCacheTtl();

        @WithDefault("3s")
        Duration timeout();
    }
}

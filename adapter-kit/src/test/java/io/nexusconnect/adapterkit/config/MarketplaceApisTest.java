package io.nexusconnect.adapterkit.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nexusconnect.adapterkit.client.MarketplaceApi;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.TokenBucket;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.testkit.ManualTime;
import io.nexusconnect.adapterkit.testkit.ScriptedServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketplaceApisTest {
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");
    private final Vertx vertx = Vertx.vertx();
    private final ScriptedServer server = new ScriptedServer();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        server.close();
        vertx.closeAndAwait();
    }

    private MarketplaceApis apis(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(ApisConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return new MarketplaceApis(vertx, config.getConfigMapping(ApisConfig.class), time, time, new KitMetrics(registry));
    }

    private Map<String, String> kaufland() {
        Map<String, String> properties = new HashMap<>();
        properties.put("nexus.apis.kaufland.base-url", server.url("/v2"));
        properties.put("nexus.apis.kaufland.limits.getOrderUnits.rate", "2");
        properties.put("nexus.apis.kaufland.limits.getOrderUnits.burst", "1");
        properties.put("nexus.apis.kaufland.max-attempts", "3");
        properties.put("nexus.apis.kaufland.request-id-header", "X-Request-Id");
        properties.put("nexus.apis.kaufland.rate-header", "X-Rate");
        properties.put("nexus.apis.kaufland.user-agent", "nexus-connect-test/1");
        properties.put("nexus.adapter.speed-factor", "4");
        return properties;
    }

    @Test
    @DisplayName("An API's config group yields a client with its base URL, limits, attempts, headers and the global speed factor")
    void configuredClient() {
        // given Kaufland's group: 2 rps burst 1, 3 attempts, and a speed factor of 4 for every API
        server.then(503, Map.of(), "busy");

        try (MarketplaceApis apis = apis(kaufland())) {
            MarketplaceApi api = apis.open("kaufland", "kaufland", builder -> builder);
            MarketplaceRequest request = MarketplaceRequest.get("getOrderUnits", "seller", api.url("/order-units")).build();

            // when a call keeps failing, then it was tried exactly 3 times, on the configured path, with the user agent
            MarketplaceResponse response = api.http().send(request);
            assertThat(server.hits()).isEqualTo(3);
            assertThat(response.status()).isEqualTo(503);
            assertThat(server.received().getFirst().uri()).isEqualTo("/v2/order-units");
            assertThat(server.received().getFirst().header("User-Agent")).isEqualTo("nexus-connect-test/1");

            // and the bucket has the documented values sped up 4 times
            TokenBucket bucket = api.http().rateLimiter().bucket("seller", "getOrderUnits").orElseThrow();
            assertThat(bucket.ratePerSecond()).isEqualTo(8.0);
            assertThat(api.url("order-units").toString()).isEqualTo(server.url("/v2/order-units"));
        }
    }

    @Test
    @DisplayName("Every call, 429 and rate-limiter wait is counted per marketplace, API, operation and outcome")
    void callsMeasured() {
        // given an API answering 429 once and then 200, limited to burst 1
        server.then(429, Map.of("Retry-After", "1"), "{}").then(200, Map.of(), "{}");
        try (MarketplaceApis apis = apis(kaufland())) {
            MarketplaceApi api = apis.open("kaufland", "kaufland", builder -> builder);
            MarketplaceRequest request = MarketplaceRequest.get("getOrderUnits", "seller", api.url("/order-units")).build();

            // when two calls are made
            api.http().call(request);
            api.http().call(request);
        }

        // then both calls succeeded, one 429 was counted, and the bucket made callers wait
        assertThat(registry.get(KitMetrics.CALLS).tags("marketplace", "kaufland", "api", "kaufland",
                "operation", "getOrderUnits", "outcome", "success").timer().count()).isEqualTo(2);
        assertThat(registry.get(KitMetrics.THROTTLED).tag("operation", "getOrderUnits").counter().count()).isEqualTo(1);
        assertThat(registry.get(KitMetrics.RATE_LIMITER_WAIT).tag("operation", "getOrderUnits").timer().count()).isPositive();
        assertThat(time.totalSlept()).isGreaterThan(Duration.ZERO);
    }

    @Test
    @DisplayName("An API the adapter did not configure is named in the error, with the property to set")
    void missingApi() {
        try (MarketplaceApis apis = apis(kaufland())) {
            assertThatThrownBy(() -> apis.open("bol", "bol-retailer", builder -> builder))
                    .hasMessageContaining("nexus.apis.bol-retailer.");
        }
    }
}

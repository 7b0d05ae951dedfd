package io.nexusconnect.adapterkit.testkit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.config.ApisConfig;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The adapter's configured APIs outside Quarkus, for fast client tests: the {@code nexus.apis.*} groups of the
 * adapter's own {@code application.properties} (the documented limits), with overrides (a simulator's URL), on a
 * {@link ManualTime} so no test waits for real. Metrics go to a {@link SimpleMeterRegistry} the test can read.
 */
public final class TestApis {
    private TestApis() {
    }

    /** {@code nexus.apis.<api>.base-url} pointed at {@code url}: for a test resource's config map. */
    public static Map<String, String> pointAt(String api, String url) {
        return Map.of("nexus.apis." + api + ".base-url", url);
    }

    public static MarketplaceApis fromApplicationProperties(Vertx vertx, ManualTime time, SimpleMeterRegistry registry,
                                                            Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(applicationProperties());
        properties.putAll(overrides);
        ApisConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(ApisConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(ApisConfig.class);
        return new MarketplaceApis(vertx, config, time, time, new KitMetrics(registry));
    }

    private static Map<String, String> applicationProperties() {
        Map<String, String> values = new HashMap<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                return values;
            }
            Properties properties = new Properties();
            properties.load(in);
            properties.stringPropertyNames().stream().filter(name -> name.startsWith("nexus."))
                    .forEach(name -> values.put(name, properties.getProperty(name)));
        } catch (IOException e) {
            throw new IllegalStateException("application.properties cannot be read", e);
        }
        return values;
    }
}

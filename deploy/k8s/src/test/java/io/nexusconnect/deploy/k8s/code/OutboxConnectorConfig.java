package io.nexusconnect.deploy.k8s.code;

import io.nexusconnect.connectionservice.outbox.DebeziumOutboxProperties;
import io.nexusconnect.connectionservice.outbox.OutboxRelayConfig;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The configuration of connection-service's embedded outbox relay, computed by its own code
 * ({@link DebeziumOutboxProperties#of}) with the relay settings connection-service would run with
 * (application.properties, else the {@link OutboxRelayConfig} defaults), as a Kafka Connect connector sees it.
 */
public final class OutboxConnectorConfig {
    /**
     * Connector keys only the cluster sets: logical slot failover needs standbys that synchronize the slot
     * (CloudNativePG with PostgreSQL 17); the local single PostgreSQL of the embedded relay has none.
     */
    public static final Map<String, String> CLUSTER_ONLY = Map.of("slot.failover", "true");

    private OutboxConnectorConfig() {
    }

    /** Everything but the engine-only keys, for this database and these (placeholder) credentials. */
    public static Map<String, String> expected(ServiceModule connectionService, String jdbcUrl, String user, String password) {
        Properties embedded = DebeziumOutboxProperties.of(DebeziumOutboxProperties.Database.fromJdbcUrl(jdbcUrl), user,
                password, relayConfig(connectionService, "nexus.outbox"), "cluster");
        Map<String, String> config = new TreeMap<>();
        embedded.stringPropertyNames().stream()
                .filter(key -> !DebeziumOutboxProperties.ENGINE_ONLY_KEYS.contains(key))
                .forEach(key -> config.put(key, embedded.getProperty(key)));
        config.putAll(CLUSTER_ONLY);
        return config;
    }

    /** The embedded engine's value of an engine-only key (e.g. offset.flush.interval.ms for the Connect worker). */
    public static String engineValue(ServiceModule connectionService, String key) {
        return DebeziumOutboxProperties.of(new DebeziumOutboxProperties.Database("h", 5432, "d"), "u", "p",
                relayConfig(connectionService, "nexus.outbox"), "cluster").getProperty(key);
    }

    /** An {@link OutboxRelayConfig} answering from application.properties, else from its declared defaults. */
    static OutboxRelayConfig relayConfig(ServiceModule service, String prefix) {
        return (OutboxRelayConfig) mapping(OutboxRelayConfig.class, service, prefix);
    }

    private static Object mapping(Class<?> type, ServiceModule service, String prefix) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : null;
            }
            String key = prefix + "." + name(method);
            if (method.getReturnType().isInterface()) {
                return mapping(method.getReturnType(), service, key);
            }
            String value = service.property(key).orElseGet(() -> {
                WithDefault declared = method.getAnnotation(WithDefault.class);
                if (declared == null) {
                    throw new IllegalStateException(key + " has neither a value nor a default");
                }
                return declared.value();
            });
            return convert(value, method.getReturnType());
        });
    }

    private static String name(Method method) {
        WithName withName = method.getAnnotation(WithName.class);
        return withName != null ? withName.value() : ConfigKeys.kebab(method.getName());
    }

    private static Object convert(String value, Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(value);
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(value);
        }
        if (type == Duration.class) {
            return value.startsWith("P") ? Duration.parse(value) : Duration.parse("PT" + value.toUpperCase());
        }
        return value;
    }
}

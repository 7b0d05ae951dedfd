package io.nexusconnect.contracts.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka client settings of the application's configuration, for the clients a service builds itself: every
 * {@code kafka.*} property (and every {@code KAFKA_*} environment variable: {@code KAFKA_SSL_TRUSTSTORE_LOCATION} is
 * {@code ssl.truststore.location}) as a client property, the way SmallRye Kafka configures its channels. So security
 * settings ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}) reach every producer, consumer and admin client,
 * not only the channels. A client starts from these and then puts its own settings (group id, acks, ...) on top.
 */
public final class KafkaClientProperties {
    private static final String PREFIX = "kafka";

    private KafkaClientProperties() {
    }

    /** The configured client settings with {@code bootstrap.servers} set to {@code bootstrapServers}. */
    public static Map<String, Object> of(String bootstrapServers) {
        return of(applicationConfig(), bootstrapServers);
    }

    /** The configured client settings and bootstrap.servers, with the client's {@code own} settings on top. */
    public static Map<String, Object> of(String bootstrapServers, Map<String, ?> own) {
        Map<String, Object> properties = of(bootstrapServers);
        properties.putAll(own);
        return properties;
    }

    /** The same from a given configuration (no configuration: only {@code bootstrap.servers}). */
    public static Map<String, Object> of(Optional<Config> config, String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        config.ifPresent(c -> {
            for (String name : c.getPropertyNames()) {
                clientKey(name).ifPresent(key -> c.getOptionalValue(PREFIX + "." + key, String.class)
                        .or(() -> c.getOptionalValue(name, String.class))
                        .filter(value -> !value.isBlank())
                        .ifPresent(value -> properties.put(key, value)));
            }
        });
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    /** {@code kafka.ssl.truststore.location} and {@code KAFKA_SSL_TRUSTSTORE_LOCATION} → {@code ssl.truststore.location}. */
    static Optional<String> clientKey(String propertyName) {
        if (propertyName.length() <= PREFIX.length() + 1 || !propertyName.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        char separator = propertyName.charAt(PREFIX.length());
        String rest = propertyName.substring(PREFIX.length() + 1);
        if (separator == '.') {
            return Optional.of(rest);
        }
        // environment variables are upper case; Kafka's setting names are lower case with dots
        return separator == '_' && rest.equals(rest.toUpperCase(Locale.ROOT))
                ? Optional.of(rest.toLowerCase(Locale.ROOT).replace('_', '.'))
                : Optional.empty();
    }

    private static Optional<Config> applicationConfig() {
        try {
            return Optional.of(ConfigProvider.getConfig());
        } catch (IllegalStateException | java.util.ServiceConfigurationError e) {
            // a plain library use without a MicroProfile Config implementation has no kafka.* settings
            return Optional.empty();
        }
    }
}

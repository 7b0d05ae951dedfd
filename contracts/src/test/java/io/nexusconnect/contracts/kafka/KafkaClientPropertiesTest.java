package io.nexusconnect.contracts.kafka;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientPropertiesTest {

    @Test
    void everyKafkaSettingOfTheConfigurationBecomesAClientPropertyAndTheGivenBrokersWin() {
        Config config = new SmallRyeConfigBuilder().withSources(
                new PropertiesConfigSource(Map.of("kafka.bootstrap.servers", "localhost:9092", "kafka.security.protocol", "PLAINTEXT",
                        "kafka.ssl.keystore.type", "PKCS12", "nexus.other", "x"), "application.properties", 250),
                new EnvConfigSource(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL",
                        "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12", "KAFKASTREAMS_X", "y"), 300)).build();

        Map<String, Object> properties = KafkaClientProperties.of(Optional.of(config), "nexus-kafka-bootstrap:9093");

        assertThat(properties).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "nexus-kafka-bootstrap:9093",
                "security.protocol", "SSL",
                "ssl.truststore.location", "/etc/kafka-ca/ca.p12",
                "ssl.keystore.type", "PKCS12"));
    }

    @Test
    void withoutConfigurationOnlyTheBrokersAreSet() {
        assertThat(KafkaClientProperties.of(Optional.empty(), "localhost:9092"))
                .containsExactlyEntriesOf(Map.of("bootstrap.servers", "localhost:9092"));
    }

    @Test
    void onlyKafkaPrefixedNamesAreClientSettings() {
        assertThat(KafkaClientProperties.clientKey("kafka.sasl.jaas.config")).contains("sasl.jaas.config");
        assertThat(KafkaClientProperties.clientKey("KAFKA_SSL_KEYSTORE_PASSWORD")).contains("ssl.keystore.password");
        assertThat(KafkaClientProperties.clientKey("kafka-streams.x")).isEmpty();
        assertThat(KafkaClientProperties.clientKey("quarkus.kafka.health.enabled")).isEmpty();
    }
}

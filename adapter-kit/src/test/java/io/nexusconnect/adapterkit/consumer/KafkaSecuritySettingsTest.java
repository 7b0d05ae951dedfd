package io.nexusconnect.adapterkit.consumer;

import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.testinfra.IsolatedConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster's mutual TLS settings (KAFKA_* variables of the Deployments) reach the kit's own Kafka clients. */
class KafkaSecuritySettingsTest {
    private static final Map<String, String> CLUSTER_ENVIRONMENT = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "nexus-kafka-bootstrap:9093",
            "KAFKA_SECURITY_PROTOCOL", "SSL",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12",
            "KAFKA_SSL_KEYSTORE_LOCATION", "/etc/kafka-user/user.p12");

    @Test
    void theSecuritySettingsReachThePublishersProducerAndTheRecordLoopsConsumer() {
        Properties producer = IsolatedConfig.withEnvironment(CLUSTER_ENVIRONMENT,
                () -> EventPublisher.producerConfig("broker-of-the-test:9092", "adapter-x"));
        OrderedPartitionConsumer loop = new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(
                "broker-of-the-test:9092", "nexus.sync-requests.amazon.v1", "adapter-amazon", "adapter-amazon-sync", 1, 3,
                Duration.ofSeconds(1)), record -> { }, null, Clock.systemUTC());
        Properties consumer;
        try {
            consumer = IsolatedConfig.withEnvironment(CLUSTER_ENVIRONMENT, loop::consumerConfig);
        } finally {
            loop.close();
        }

        for (Properties client : new Properties[]{producer, consumer}) {
            assertThat(client).containsEntry("security.protocol", "SSL")
                    .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.p12")
                    .containsEntry("ssl.keystore.location", "/etc/kafka-user/user.p12")
                    .containsEntry("bootstrap.servers", "broker-of-the-test:9092");
        }
        assertThat(producer).containsEntry("acks", "all");
        assertThat(consumer).containsEntry("group.id", "adapter-amazon").containsEntry("enable.auto.commit", "false");
    }
}

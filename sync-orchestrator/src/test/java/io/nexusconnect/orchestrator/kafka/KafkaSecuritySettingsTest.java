package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.testinfra.IsolatedConfig;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cluster's mutual TLS settings (KAFKA_* variables of the Deployments) reach the orchestrator's own producers and
 * consumers: with a trust store that is not there, building each client fails on loading exactly that file.
 */
class KafkaSecuritySettingsTest {
    private static final String TRUSTSTORE = "/nonexistent/kafka-ca/ca.p12";
    private static final Map<String, String> CLUSTER_ENVIRONMENT = Map.of(
            "KAFKA_SECURITY_PROTOCOL", "SSL",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", TRUSTSTORE);

    private final KafkaClients clients = new KafkaClients("localhost:1", null);

    @Test
    void theTransactionalProducerLoadsTheConfiguredTrustStore() {
        assertThatThrownBy(() -> IsolatedConfig.withEnvironment(CLUSTER_ENVIRONMENT,
                () -> clients.transactionalProducer("sync-orchestrator-0-0")))
                .isInstanceOf(KafkaException.class).rootCause().hasMessageContaining(TRUSTSTORE);
    }

    @Test
    void theGroupAndLoaderConsumersLoadTheConfiguredTrustStore() {
        assertThatThrownBy(() -> IsolatedConfig.withEnvironment(CLUSTER_ENVIRONMENT,
                () -> clients.groupConsumer("member-0", "sync-orchestrator")))
                .isInstanceOf(KafkaException.class).rootCause().hasMessageContaining(TRUSTSTORE);
        assertThatThrownBy(() -> IsolatedConfig.withEnvironment(CLUSTER_ENVIRONMENT,
                () -> clients.loaderConsumer("loader-0")))
                .isInstanceOf(KafkaException.class).rootCause().hasMessageContaining(TRUSTSTORE);
    }
}

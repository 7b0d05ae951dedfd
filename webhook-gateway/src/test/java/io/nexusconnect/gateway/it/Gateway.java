package io.nexusconnect.gateway.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.gateway.config.GatewayRuntime;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the tests do as connection-service (publish connections) and as adapters (read the webhook topics). */
final class Gateway {
    static final CredentialSealer SEALER = new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Gateway() {
    }

    /** Publishes a connection on nexus.connections.v1 and waits until the gateway's view holds this version. */
    static UUID connection(GatewayRuntime runtime, Marketplace marketplace, ConnectionState state, Map<String, String> properties,
                           Map<String, String> secrets) {
        UUID id = UUID.randomUUID();
        publish(runtime, id, marketplace, state, properties, secrets, 1);
        return id;
    }

    static void publish(GatewayRuntime runtime, UUID id, Marketplace marketplace, ConnectionState state,
                        Map<String, String> properties, Map<String, String> secrets, long version) {
        ConnectionSnapshot snapshot = new ConnectionSnapshot(id, "tenant-a", marketplace, properties.get("shopDomain"),
                marketplace.displayName() + " test", properties, state,
                new ConnectionSettings(SyncInterval.HOURLY, null, OrderLookback.THIRTY_DAYS, 0, true, null), null,
                SEALER.seal(id.toString(), secrets), version, Instant.parse("2026-11-22T09:00:00Z"));
        KafkaTestClient.publish(Topics.CONNECTIONS, snapshot);
        await().atMost(WAIT).until(() -> runtime.connections().find(id).filter(c -> c.version() == version).isPresent());
    }

    static void remove(GatewayRuntime runtime, UUID id) {
        KafkaTestClient.send(Topics.CONNECTIONS, id.toString(), null, null);
        await().atMost(WAIT).until(() -> runtime.connections().find(id).isEmpty());
    }

    /** The webhook records of one connection on its marketplace's topic, each checked against the event's schema. */
    static List<WebhookReceived> webhooks(Marketplace marketplace, UUID connectionId, int atLeast) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(marketplace.webhookTopic(),
                read -> ofConnection(read, connectionId).size() >= atLeast, atLeast == 0 ? Duration.ofSeconds(2) : WAIT);
        List<ConsumerRecord<String, String>> mine = ofConnection(records, connectionId);
        mine.forEach(record -> {
            assertThat(EventSchemas.violations(WebhookReceived.TYPE, record.value())).as(record.value()).isEmpty();
            assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(WebhookReceived.TYPE);
        });
        return mine.stream().map(record -> Json.read(record.value(), WebhookReceived.class)).toList();
    }

    private static List<ConsumerRecord<String, String>> ofConnection(List<ConsumerRecord<String, String>> records, UUID id) {
        return records.stream().filter(record -> id.toString().equals(record.key())).toList();
    }
}

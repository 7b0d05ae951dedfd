package io.nexusconnect.orchestrator.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class PoisonRecordsTest {
    @Inject
    io.nexusconnect.orchestrator.kafka.OrchestratorRuntime runtime;

    @BeforeEach
    void ready() {
        Orchestrator.ready(runtime);
    }

    @Test
    @DisplayName("Poison records on every consumed topic go to <topic>.dlq with the reason in headers, and the loop keeps going")
    void poisonGoesToTheDeadLetterTopics() {
        UUID notJson = UUID.randomUUID();
        String badKey = "not-a-connection-" + UUID.randomUUID();
        UUID noTenant = UUID.randomUUID();
        UUID notAnObject = UUID.randomUUID();
        UUID unknownKind = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        ObjectNode withoutTenant = (ObjectNode) Json.mapper().valueToTree(
                Kafka.connection(noTenant, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        withoutTenant.remove("tenantId");

        KafkaTestClient.send(Topics.CONNECTIONS, notJson.toString(), "{\"connectionId\": ", null);
        KafkaTestClient.send(Topics.CONNECTIONS, badKey,
                Json.write(Kafka.connection(UUID.randomUUID(), ConnectionState.ACTIVE, SyncInterval.HOURLY, 1)), null);
        KafkaTestClient.send(Topics.CONNECTIONS, noTenant.toString(), withoutTenant.toString(), null);
        KafkaTestClient.send(Topics.SYNC_COMMANDS, notAnObject.toString(), "[1, 2, 3]", null);
        KafkaTestClient.send(Topics.SYNC_EVENTS, unknownKind.toString(),
                "{\"kind\":\"exploded\",\"connectionId\":\"" + unknownKind + "\"}",
                CloudEvents.headers("io.nexusconnect.sync.exploded.v1", "/nexus/test", unknownKind.toString()));
        KafkaTestClient.send(Topics.SYNC_COMMANDS, foreign.toString(), Json.write(
                new io.nexusconnect.contracts.sync.SyncNowRequested(UUID.randomUUID(), UUID.randomUUID(), "tenant-a",
                        SyncTrigger.MANUAL, io.nexusconnect.contracts.sync.SyncMode.FULL, java.time.Instant.now())), null);

        assertDeadLetter(Topics.CONNECTIONS, notJson.toString(), "not JSON");
        assertDeadLetter(Topics.CONNECTIONS, badKey, "is not a connection id");
        assertDeadLetter(Topics.CONNECTIONS, noTenant.toString(), "tenantId");
        assertDeadLetter(Topics.SYNC_COMMANDS, notAnObject.toString(), "not a JSON object");
        assertDeadLetter(Topics.SYNC_EVENTS, unknownKind.toString(), "unknown kind 'exploded'");
        assertDeadLetter(Topics.SYNC_COMMANDS, foreign.toString(), "does not match connectionId");

        UUID afterwards = UUID.randomUUID();
        Kafka.publish(Topics.CONNECTIONS, Kafka.connection(afterwards, ConnectionState.ACTIVE, SyncInterval.HOURLY, 1));
        assertThat(Kafka.requests(afterwards, 1)).hasSize(1);
    }

    @Test
    @DisplayName("Poison stock levels and adapter reports go to their .dlq with the reason, and the stock fan-out keeps going")
    void stockPoisonGoesToTheDeadLetterTopics() {
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.stock() != null && runtime.stock().isReady());
        String notJson = "tenant-poison/" + UUID.randomUUID();
        String withoutAvailable = "tenant-poison/" + UUID.randomUUID();
        String inventoryKey = UUID.randomUUID() + "/SKU-P";

        KafkaTestClient.send(Topics.STOCK_LEVELS, notJson, "{\"tenantId\": ", null);
        KafkaTestClient.send(Topics.STOCK_LEVELS, withoutAvailable, "{\"tenantId\":\"tenant-poison\",\"sku\":\"X\"}", null);
        KafkaTestClient.send(Topics.INVENTORY, inventoryKey, "{\"sku\":\"SKU-P\",\"quantity\":\"many\"}", null);

        assertDeadLetter(Topics.STOCK_LEVELS, notJson, "not JSON");
        assertDeadLetter(Topics.STOCK_LEVELS, withoutAvailable, "available");
        assertDeadLetter(Topics.INVENTORY, inventoryKey, "io.nexusconnect.inventory-level.v1");
    }

    private static void assertDeadLetter(String topic, String key, String reason) {
        ConsumerRecord<String, String> dead = Kafka.deadLetter(topic, key).orElseThrow(
                () -> new AssertionError("no dead letter for " + key + " on " + Topics.dlq(topic)));
        assertThat(KafkaTestClient.header(dead, "dlq.reason")).contains(reason);
        assertThat(KafkaTestClient.header(dead, "dlq.topic")).isEqualTo(topic);
        assertThat(KafkaTestClient.header(dead, "dlq.offset")).matches("\\d+");
        assertThat(KafkaTestClient.header(dead, "dlq.service")).isEqualTo("/nexus/sync-orchestrator");
    }
}

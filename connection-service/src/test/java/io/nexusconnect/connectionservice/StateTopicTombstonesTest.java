package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class StateTopicTombstonesTest {
    private static final String TENANT = "t-purge";

    @Test
    @DisplayName("Given a connection with indexed products, orders and levels, when it is removed, then each key gets one tombstone on its topic, the index is emptied and the purge ends")
    void removedConnectionIsForgotten() throws SQLException {
        UUID id = Fixtures.createConnection(TENANT);
        UUID other = Fixtures.createConnection(TENANT);
        List<String> skus = List.of("P-1", "P-2", "P-3");
        for (String sku : skus) {
            KafkaTestClient.publish(Topics.PRODUCTS, product(id, sku));
            KafkaTestClient.publish(Topics.INVENTORY, level(id, sku));
        }
        KafkaTestClient.publish(Topics.ORDERS, order(id, "701-1"));
        KafkaTestClient.publish(Topics.ORDERS, order(id, "701-2"));
        KafkaTestClient.publish(Topics.PRODUCTS, product(other, "P-1"));
        await().atMost(Duration.ofSeconds(60)).until(() -> indexed(id) == 8 && indexed(other) == 1);

        as(TENANT).delete("/api/connections/" + id).then().statusCode(204);

        for (String sku : skus) {
            assertTombstoned(Topics.PRODUCTS, Topics.recordKey(id.toString(), sku), Product.TYPE);
            assertTombstoned(Topics.INVENTORY, Topics.recordKey(id.toString(), sku), InventoryLevel.TYPE);
        }
        assertTombstoned(Topics.ORDERS, Topics.recordKey(id.toString(), "701-1"), Order.TYPE);
        assertTombstoned(Topics.ORDERS, Topics.recordKey(id.toString(), "701-2"), Order.TYPE);
        await().atMost(Duration.ofSeconds(30)).until(() -> purgeFinished(id));
        assertThat(indexed(id)).as("index of the removed connection").isZero();
        assertThat(indexed(other)).as("the other connection keeps its keys").isEqualTo(1);
        assertThat(KafkaTestClient.readAll(Topics.PRODUCTS).stream()
                .filter(r -> r.key().equals(Topics.recordKey(other.toString(), "P-1")))
                .noneMatch(r -> r.value() == null)).as("no tombstone for the other connection").isTrue();
    }

    @Test
    @DisplayName("Given a removed connection, when a record of a cycle that was still running arrives, then it is answered with its tombstone and not indexed")
    void lateRecordOfRemovedConnection() throws SQLException {
        UUID id = Fixtures.createConnection(TENANT);
        as(TENANT).delete("/api/connections/" + id).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> purgeFinished(id));

        KafkaTestClient.publish(Topics.INVENTORY, level(id, "LATE-1"));
        KafkaTestClient.publish(Topics.ORDERS, order(id, "702-1"));

        assertTombstoned(Topics.INVENTORY, Topics.recordKey(id.toString(), "LATE-1"), InventoryLevel.TYPE);
        assertTombstoned(Topics.ORDERS, Topics.recordKey(id.toString(), "702-1"), Order.TYPE);
        assertThat(indexed(id)).isZero();
    }

    /** The key's records end with exactly one tombstone, which names the event type it ends. */
    static void assertTombstoned(String topic, String key, String type) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(topic, read -> read.stream()
                .filter(r -> key.equals(r.key())).reduce((first, second) -> second)
                .map(last -> last.value() == null).orElse(false), Duration.ofSeconds(60)).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertThat(records).as("records of " + key).isNotEmpty();
        assertThat(records.getLast().value()).as("last record of " + key).isNull();
        assertThat(records.stream().filter(r -> r.value() == null).count()).as("tombstones of " + key).isEqualTo(1);
        assertThat(Fixtures.header(records.getLast(), "ce_type")).isEqualTo(type);
    }

    static long indexed(UUID connectionId) throws SQLException {
        try (Connection db = Fixtures.jdbc();
             PreparedStatement query = db.prepareStatement("select count(*) from seen_records where connection_id = ?")) {
            query.setObject(1, connectionId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static boolean purgeFinished(UUID connectionId) throws SQLException {
        try (Connection db = Fixtures.jdbc(); PreparedStatement query = db.prepareStatement(
                "select finished_at is not null from connection_purges where connection_id = ?")) {
            query.setObject(1, connectionId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    static Product product(UUID connectionId, String sku) {
        return new Product(connectionId, TENANT, Marketplace.AMAZON, sku, sku, "B00" + sku, "Thing " + sku, "PRODUCT",
                List.of("BUYABLE"), "ATVPDKIKX0DER", new Money("9.99", "USD"), Instant.now(), Instant.now(),
                UUID.randomUUID(), Instant.now());
    }

    static InventoryLevel level(UUID connectionId, String sku) {
        return new InventoryLevel(connectionId, TENANT, Marketplace.AMAZON, sku, 7, "DEFAULT", UUID.randomUUID(),
                Instant.now());
    }

    static Order order(UUID connectionId, String externalId) {
        return new Order(connectionId, TENANT, Marketplace.AMAZON, externalId, externalId, OrderStatus.UNSHIPPED,
                "Unshipped", Instant.now(), Instant.now(), new Money("19.99", "USD"), "ATVPDKIKX0DER", "MFN", List.of(),
                UUID.randomUUID(), Instant.now());
    }
}

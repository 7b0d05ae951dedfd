package io.nexusconnect.examples.orders;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@DisplayName("The example order subscriber on the real broker and PostgreSQL")
class OrderSubscriberTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String DLQ = "order-subscriber.orders.dlq";

    @Inject
    DataSource dataSource;
    @Inject
    OrderSubscriber subscriber;
    @Inject
    KafkaClientService kafka;

    @Test
    @DisplayName("duplicates, a stale replay, a removed order and a poison record, then a consumer that starts over "
            + "from the beginning, leave exactly one row per live order with its latest status, and the poison "
            + "record on the dead-letter topic with its reason")
    void onePerOrderAfterDuplicatesAndRestart() throws SQLException {
        // given: a connection's orders as adapters publish them, at least once
        UUID connection = UUID.randomUUID();
        Order pending = order(connection, "111-1", OrderStatus.PENDING, 0);
        Order shipped = order(connection, "111-1", OrderStatus.SHIPPED, 60);
        Order other = order(connection, "222-2", OrderStatus.UNSHIPPED, 0);
        Order removed = order(connection, "333-3", OrderStatus.PENDING, 0);
        for (Order order : List.of(pending, shipped, shipped, other, other, removed)) {
            KafkaTestClient.publish(Topics.ORDERS, order);
        }
        KafkaTestClient.send(Topics.ORDERS, other.key(), "{\"externalId\":42}",
                CloudEvents.headers(Order.TYPE, "/nexus/broken", other.key()));
        KafkaTestClient.send(Topics.ORDERS, removed.key(), null, CloudEvents.headers(Order.TYPE, "/nexus/test", removed.key()));
        KafkaTestClient.publish(Topics.ORDERS, pending); // a stale replay

        // when: the subscriber has consumed them
        Map<String, String> expected = Map.of(shipped.key(), "shipped", other.key(), "unshipped");
        await().atMost(TIMEOUT).until(() -> subscriber.handled() >= 8);
        await().atMost(TIMEOUT).until(() -> rowsOf(connection), rows -> rows.equals(expected));

        // then: the poison record is dead-lettered with the reason, the others are in the table once each
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(DLQ, records -> !records.isEmpty(), TIMEOUT);
        assertThat(dead).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo(other.key());
            assertThat(KafkaTestClient.header(record, "dead-letter-reason")).contains("not a valid Order");
        });

        // when: the consumer starts over from the beginning, as a restart that lost its commits would
        long before = subscriber.handled();
        var consumer = kafka.getConsumer("orders");
        consumer.seekToBeginning(consumer.getAssignments().await().atMost(TIMEOUT)).await().atMost(TIMEOUT);
        Order delivered = order(connection, "111-1", OrderStatus.SHIPPED, 120);
        KafkaTestClient.publish(Topics.ORDERS, delivered);

        // then: everything was read again, and still one row per live order, each at its latest state
        await().atMost(TIMEOUT).until(() -> subscriber.handled() >= before + 9);
        await().atMost(TIMEOUT).until(() -> updatedAt(delivered.key()), at -> delivered.updatedAt().equals(at));
        assertThat(rowsOf(connection)).isEqualTo(expected);
        assertThat(rowCount(delivered.key())).isEqualTo(1);
    }

    private static Order order(UUID connection, String externalId, OrderStatus status, long updatedSecond) {
        Money price = new Money("24.50", "EUR");
        Instant at = T0.plusSeconds(updatedSecond);
        return new Order(connection, "tenant-a", Marketplace.AMAZON, externalId, externalId, status, status.json(),
                T0.minusSeconds(3600), at, price, "A1PA6795UKMFR9", "MFN",
                List.of(new OrderLine("1", "SKU-1", "B00TEST", "Mug", 1, 0, price, price, null, null, null)),
                UUID.randomUUID(), at);
    }

    private Map<String, String> rowsOf(UUID connection) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement(
                     "select order_key, status from order_subscriber.orders where connection_id = ?")) {
            query.setObject(1, connection);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), row.getString(2));
                }
            }
        }
        return rows;
    }

    private Instant updatedAt(String key) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("select updated_at from order_subscriber.orders where order_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private int rowCount(String key) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("select count(*) from order_subscriber.orders where order_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}

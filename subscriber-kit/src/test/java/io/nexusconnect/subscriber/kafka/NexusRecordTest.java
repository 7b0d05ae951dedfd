package io.nexusconnect.subscriber.kafka;

import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.subscriber.Events;
import io.nexusconnect.subscriber.PublicTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A record of a public topic, read")
class NexusRecordTest {
    private static ConsumerRecord<String, String> record(String key, String value, Headers headers) {
        return new ConsumerRecord<>("nexus.orders.v1", 3, 42L, 0L, TimestampType.CREATE_TIME, 0, 0, key, value, headers,
                Optional.empty());
    }

    @Test
    @DisplayName("carries the order, its key's connection and its CloudEvents attributes")
    void eventWithAttributes() {
        // given
        UUID connection = UUID.randomUUID();
        Order order = Events.order(connection, "111-1", OrderStatus.SHIPPED, Events.T0, Events.T0);
        Headers headers = CloudEvents.headers("id-1", Order.TYPE, "/nexus/adapter-amazon", order.key(), Events.T0);

        // when
        NexusRecord<Order> read = NexusRecord.read(record(order.key(), Json.write(order), headers), PublicTopics.ORDERS);

        // then
        assertThat(read.event()).contains(order);
        assertThat(read.isTombstone()).isFalse();
        assertThat(read.keyOwner()).isEqualTo(connection.toString());
        assertThat(read.attributes().id()).contains("id-1");
        assertThat(read.attributes().source()).contains("/nexus/adapter-amazon");
        assertThat(read.attributes().time()).contains(Events.T0);
        assertThat(read.attributes().eventType().orElseThrow().major()).isEqualTo(1);
        assertThat(read.offset()).isEqualTo(42L);
    }

    @Test
    @DisplayName("a tombstone is a record without an event; a record without a key is poison")
    void tombstoneAndKeyless() {
        NexusRecord<Order> tombstone = NexusRecord.read(record("c/1", null, new RecordHeaders()), PublicTopics.ORDERS);
        assertThat(tombstone.isTombstone()).isTrue();
        assertThat(tombstone.attributes().type()).isEmpty();

        assertThatThrownBy(() -> NexusRecord.read(record(null, "{}", new RecordHeaders()), PublicTopics.ORDERS))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("has no key");
    }
}

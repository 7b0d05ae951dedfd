package io.nexusconnect.subscriber.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.subscriber.Events;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The tolerant deserializer")
class NexusEventDeserializerTest {
    private final Order order = Events.order(UUID.randomUUID(), "111-1", OrderStatus.UNSHIPPED, Events.T0, Events.T0);

    private static Headers headers(String type) {
        return CloudEvents.headers(type, "/nexus/adapter-amazon", "key");
    }

    private static byte[] bytes(Object json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("reads an order of a newer minor version with a field it does not know")
    void readsNewerMinorWithUnknownField() {
        // given: a v1.3 order with a field added after this reader was built
        ObjectNode json = Json.mapper().valueToTree(order);
        json.put("giftWrap", true);

        // when
        Order read = new OrderDeserializer().deserialize("nexus.orders.v1", headers("io.nexusconnect.order.v1.3"), bytes(json));

        // then
        assertThat(read).isEqualTo(order);
    }

    @Test
    @DisplayName("turns a tombstone into null, the Kafka convention for a removed key")
    void tombstoneIsNull() {
        assertThat(new OrderDeserializer().deserialize("nexus.orders.v1", headers(Order.TYPE), (byte[]) null)).isNull();
    }

    @Test
    @DisplayName("refuses another event type, and an order without a required field, with the reason")
    void refusesWhatIsNotTheEvent() {
        OrderDeserializer deserializer = new OrderDeserializer();
        assertThatThrownBy(() -> deserializer.deserialize("nexus.orders.v1", headers("io.nexusconnect.order.v2"),
                bytes(Json.write(order))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_type io.nexusconnect.order.v2");

        ObjectNode withoutUpdatedAt = Json.mapper().valueToTree(order);
        withoutUpdatedAt.remove("updatedAt");
        assertThatThrownBy(() -> deserializer.deserialize("nexus.orders.v1", headers(Order.TYPE), bytes(withoutUpdatedAt)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("updatedAt");
    }

    @Test
    @DisplayName("used by class name with nexus.topic, reads that topic's event; unconfigured, it says what is missing")
    void configuredByTopicName() {
        // given
        InventoryLevel level = Events.level(UUID.randomUUID(), "SKU-1", 7, Events.T0);
        NexusEventDeserializer<InventoryLevel> deserializer = new NexusEventDeserializer<>();
        deserializer.configure(Map.of(NexusEventDeserializer.TOPIC_CONFIG, "nexus.inventory.v1"), false);

        // when / then
        assertThat(deserializer.deserialize("nexus.inventory.v1", headers(InventoryLevel.TYPE), bytes(Json.write(level))))
                .isEqualTo(level);
        assertThatThrownBy(() -> new NexusEventDeserializer<Order>().deserialize("t", headers(Order.TYPE), bytes("{}")))
                .hasMessageContaining(NexusEventDeserializer.TOPIC_CONFIG);
    }
}

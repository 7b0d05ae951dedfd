package io.nexusconnect.subscriber.kafka;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.subscriber.Events;
import io.nexusconnect.subscriber.state.LatestByKey;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.nexusconnect.subscriber.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Bootstrapping from nexus.orders.v1 on the real broker")
class BootstrapOnBrokerTest {

    @Test
    @DisplayName("the topic is created compacted with the stated retention, as Topics says")
    void topicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers()))) {
            ConfigResource orders = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ORDERS);
            Config config = admin.describeConfigs(List.of(orders)).all().get(30, TimeUnit.SECONDS).get(orders);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config.get("delete.retention.ms").value())
                    .isEqualTo(String.valueOf(Topics.NORMALIZED_TOMBSTONE_RETENTION.toMillis()));
            assertThat(config.get("min.compaction.lag.ms").value())
                    .isEqualTo(String.valueOf(Topics.NORMALIZED_MIN_COMPACTION_LAG.toMillis()));
        }
    }

    @Test
    @DisplayName("a new consumer group reading from the beginning with OrderDeserializer ends with the current order of "
            + "every live key, past duplicates, a stale replay, a tombstone and a poison record it skips with the reason")
    void freshGroupFindsCurrentState() {
        // given: a connection's orders as adapters publish them, at least once
        UUID connection = UUID.randomUUID();
        Order pending = Events.order(connection, "111-1", OrderStatus.PENDING, T0, T0);
        Order shipped = Events.order(connection, "111-1", OrderStatus.SHIPPED, T0.plusSeconds(60), T0.plusSeconds(60));
        Order other = Events.order(connection, "222-2", OrderStatus.UNSHIPPED, T0, T0);
        Order removed = Events.order(connection, "333-3", OrderStatus.PENDING, T0, T0);
        KafkaTestClient.publish(Topics.ORDERS, pending);
        KafkaTestClient.publish(Topics.ORDERS, shipped);
        KafkaTestClient.publish(Topics.ORDERS, shipped);          // redelivered
        KafkaTestClient.publish(Topics.ORDERS, other);
        KafkaTestClient.publish(Topics.ORDERS, removed);
        KafkaTestClient.send(Topics.ORDERS, removed.key(), "{\"not\":\"an order\"}",
                CloudEvents.headers(Order.TYPE, "/nexus/broken", removed.key()));
        KafkaTestClient.send(Topics.ORDERS, removed.key(), null, CloudEvents.headers(Order.TYPE, "/nexus/test", removed.key()));
        KafkaTestClient.publish(Topics.ORDERS, pending);          // a stale replay of an older version

        // when: a service that starts today subscribes with a new group and reads up to the end
        LatestByKey<Order> state = new LatestByKey<>();
        List<String> poison = new ArrayList<>();
        readFromBeginning("bootstrap-" + UUID.randomUUID(), state, poison);

        // then: exactly the current state of every live order of the connection, and the poison record named
        Map<String, Order> mine = new java.util.HashMap<>();
        state.state().forEach((key, order) -> {
            if (key.startsWith(connection + "/")) {
                mine.put(key, order);
            }
        });
        assertThat(mine).containsOnly(Map.entry(shipped.key(), shipped), Map.entry(other.key(), other));
        assertThat(poison).anySatisfy(reason -> assertThat(reason).contains("not a valid Order"));
    }

    /** A plain Kafka consumer as a subscriber writes it: subscribe, earliest, read until the end offsets seen at start. */
    private static void readFromBeginning(String group, LatestByKey<Order> state, List<String> poison) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, Order> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new OrderDeserializer())) {
            consumer.subscribe(List.of(Topics.ORDERS));
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS).stream()
                    .map(info -> new TopicPartition(Topics.ORDERS, info.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (!caughtUp(consumer, end)) {
                assertThat(Instant.now()).as("caught up with %s", end).isBefore(deadline);
                try {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> state.apply(NexusRecord.of(record)));
                } catch (RecordDeserializationException e) {
                    // a subscriber dead-letters it with the reason and goes on past it
                    poison.add(e.getCause().getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
            consumer.commitSync();
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, Order> consumer, Map<TopicPartition, Long> end) {
        if (consumer.assignment().size() < end.size()) {
            return false;
        }
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}

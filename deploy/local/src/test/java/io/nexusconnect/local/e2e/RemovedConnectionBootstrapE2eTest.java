package io.nexusconnect.local.e2e;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.testinfra.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A removed connection is forgotten by the compacted state topics: after a sync of two connections and the removal of
 * one, a new consumer group reading {@code nexus.products.v1}, {@code nexus.orders.v1} and {@code nexus.inventory.v1}
 * from the beginning (last record per key, a tombstone = gone) holds no key of the removed connection and every key
 * of the other one.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a removed connection leaves the state topics")
class RemovedConnectionBootstrapE2eTest {
    /** A tenant of its own: each seller can be connected once per tenant, and other stories connect them too. */
    private static final String TENANT = "e2e-tombstones";
    private static final List<String> STATE_TOPICS = List.of(Topics.PRODUCTS, Topics.ORDERS, Topics.INVENTORY);

    @Test
    @DisplayName("Given two synced connections, when one is removed, then a fresh consumer group reading the three state "
            + "topics from the beginning ends with no live key of the removed connection and every key of the other")
    void freshGroupForgetsTheRemovedConnection(E2eStack stack) {
        // given: two Amazon sellers connected in a tenant of their own, each with a successful first cycle
        stack.simulator().faults().clear();
        stack.simulator().resetRateLimits();
        ConnectionsClient api = new ConnectionsClient(stack.connectionServiceUrl(), TestTokens.forTenant(TENANT));
        String kept = api.create(Marketplace.AMAZON.id(), "E2E kept", E2eStack.credentialFields(E2eStack.HAPPY_SELLER))
                .path("id").asText();
        String removed = api.create(Marketplace.AMAZON.id(), "E2E removed",
                E2eStack.credentialFields(E2eStack.CONSOLE_SELLER)).path("id").asText();
        new SyncWatch(api, kept).awaitCycle("kept: a successful cycle", c -> "success".equals(c.path("status").asText()));
        new SyncWatch(api, removed).awaitCycle("removed: a successful cycle",
                c -> "success".equals(c.path("status").asText()));
        Set<String> keptKeys = publishedKeys(kept);
        Set<String> removedKeys = publishedKeys(removed);
        assertThat(keptKeys).as("keys of the kept connection").isNotEmpty();
        assertThat(removedKeys).as("keys of the connection to remove").isNotEmpty();

        // when: one connection is removed
        api.remove(removed);

        // then: a subscriber starting now sees none of its keys (each got its tombstone), and all of the other's
        await("every key of the removed connection tombstoned").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> liveKeys(removed), Set::isEmpty);
        assertThat(liveKeys(kept)).as("the kept connection's keys").isEqualTo(keptKeys);
        long tombstones = STATE_TOPICS.stream().flatMap(topic -> TopicAudit.recordsOf(topic, removed).stream())
                .filter(r -> r.value() == null).map(r -> r.topic() + " " + r.key()).distinct().count();
        assertThat(tombstones).as("one tombstoned key per key published").isEqualTo(removedKeys.size());
        System.out.printf("e2e removed connection: %d keys tombstoned, %d keys of the other connection live%n",
                removedKeys.size(), keptKeys.size());
    }

    /** Every key (topic and record key) the connection's records have on the three topics. */
    private static Set<String> publishedKeys(String connectionId) {
        return STATE_TOPICS.stream().flatMap(topic -> TopicAudit.recordsOf(topic, connectionId).stream())
                .filter(r -> r.value() != null).map(r -> r.topic() + " " + r.key()).collect(Collectors.toSet());
    }

    /** A subscriber's first start: its own group, earliest, up to the end offsets seen at start; last record per key. */
    private static Set<String> liveKeys(String connectionId) {
        Map<String, Boolean> live = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = TopicAudit.newSubscriber()) {
            consumer.subscribe(STATE_TOPICS);
            Map<TopicPartition, Long> end = consumer.endOffsets(STATE_TOPICS.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))).toList());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (consumer.assignment().size() < end.size()
                    || end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertThat(Instant.now()).as("caught up with %s", end).isBefore(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(connectionId + "/")) {
                        live.put(record.topic() + " " + record.key(), record.value() != null);
                    }
                }
            }
        }
        return live.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}

package io.nexusconnect.local.e2e;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.testinfra.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service that starts subscribing today sees: after a first sync and a full re-sync, a new consumer group
 * reading {@code nexus.orders.v1} from the beginning (compacted state) ends with exactly the marketplace's current
 * orders, each at its latest version, however many versions of it the topic holds. (Orders changed on the marketplace
 * reach the topic only after Amazon's two-minute lag guard, see adapter-amazon's BEHAVIOR.md; the kit's and the
 * example's tests cover newer versions of a key.)
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new subscriber bootstraps from nexus.orders.v1")
class SubscriberBootstrapE2eTest {
    /** A tenant of its own: the demo seller can be connected once per tenant, and the happy path uses it too. */
    private static final String TENANT = "e2e-subscriber";

    @Test
    @DisplayName("After a first sync and a full re-sync that published every order again, a fresh consumer group reading "
            + "from the beginning finds every order of the connection once, at its current state from the latest cycle")
    void freshGroupFindsCurrentStateOfEveryOrder(E2eStack stack) {
        // given: the demo seller connected in a tenant of its own, its first cycle done
        stack.simulator().faults().clear();
        stack.simulator().resetRateLimits();
        ConnectionsClient api = new ConnectionsClient(stack.connectionServiceUrl(), TestTokens.forTenant(TENANT));
        String connectionId = api.create(Marketplace.AMAZON.id(), "E2E subscriber bootstrap",
                E2eStack.credentialFields(E2eStack.HAPPY_SELLER)).path("id").asText();
        SyncWatch watch = new SyncWatch(api, connectionId);
        String firstSync = watch.awaitCycle("a first successful cycle", c -> "success".equals(c.path("status").asText()))
                .path("syncId").asText();

        // when: a full re-sync publishes every order of the look-back again (at least once, as any retried cycle may)
        api.syncNow(connectionId, "full");
        String fullSync = watch.awaitCycle("a successful full re-sync", c -> "success".equals(c.path("status").asText())
                        && !firstSync.equals(c.path("syncId").asText())
                        && c.path("counts").path("orders").asLong() >= E2eStack.SEEDED_ORDERS)
                .path("syncId").asText();

        // then: a new consumer group reading from the beginning, keeping the latest record per key, has every order
        // of the connection exactly once, each as the marketplace has it now and as the latest cycle published it
        Map<String, Order> state = bootstrap(connectionId);
        Map<String, SimOrder> current = stack.simulator().seller(E2eStack.HAPPY_SELLER.sellingPartnerId()).orders().stream()
                .collect(Collectors.toMap(o -> Topics.recordKey(connectionId, o.amazonOrderId()), o -> o));
        assertThat(state.keySet()).isEqualTo(current.keySet());
        state.forEach((key, order) -> {
            assertThat(seconds(order.updatedAt())).as("updatedAt of %s", key)
                    .isEqualTo(seconds(current.get(key).lastUpdateDate()));
            assertThat(order.syncId()).as("cycle of %s", key).hasToString(fullSync);
        });
        int records = TopicAudit.recordsOf(Topics.ORDERS, connectionId).size();
        assertThat(records).as("versions on the topic").isGreaterThanOrEqualTo(2 * state.size());
        System.out.printf("e2e subscriber bootstrap: %d orders of %s from %d records%n", state.size(), connectionId, records);
    }

    /** A subscriber's first start: its own group, earliest, read up to the end offsets seen at start, latest wins. */
    private static Map<String, Order> bootstrap(String connectionId) {
        Map<String, Order> latest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = TopicAudit.newSubscriber()) {
            consumer.subscribe(List.of(Topics.ORDERS));
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.partitionsFor(Topics.ORDERS).stream()
                    .map(info -> new TopicPartition(Topics.ORDERS, info.partition())).toList());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (consumer.assignment().size() < end.size()
                    || end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertThat(Instant.now()).as("caught up with %s", end).isBefore(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() == null || !record.key().startsWith(connectionId + "/")) {
                        continue;
                    }
                    if (record.value() == null) {
                        latest.remove(record.key());
                        continue;
                    }
                    Order order = EventDecoder.decode(record.value(), record.headers(), Order.TYPE, Order.class);
                    // latest wins: an older change never replaces a newer one; the same change seen again does
                    latest.merge(record.key(), order, (stored, incoming) ->
                            incoming.updatedAt().isBefore(stored.updatedAt()) ? stored : incoming);
                }
            }
        }
        return latest;
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}

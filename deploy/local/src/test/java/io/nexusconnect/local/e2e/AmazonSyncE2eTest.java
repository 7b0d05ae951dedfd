package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The happy path of issue #2 through every real part: REST → outbox → Debezium → orchestrator → adapter → topics → REST. */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new Amazon connection")
class AmazonSyncE2eTest {

    @Test
    @DisplayName("A connection created over REST is synced once: every seeded order lands exactly once on nexus.orders.v1 "
            + "over many pages, the history shows one successful cycle with the counts on the topics, the card turns "
            + "active, every event matches its contract, and no secret leaks into events or logs")
    void newConnectionSyncsEveryOrderExactlyOnce(E2eStack stack) {
        // given: the simulator's seller with its orders, no faults, full token buckets
        AmazonSimulator simulator = stack.simulator();
        simulator.faults().clear();
        simulator.resetRateLimits();
        long pagesBefore = simulator.requestLog().count("getOrders", 200);
        ConnectionsClient api = stack.client();
        Map<String, String> fields = E2eStack.credentialFields(E2eStack.HAPPY_SELLER);
        List<String> secrets = E2eStack.secretsOf(fields);

        // when: a platform team adds the connection
        JsonNode created = api.create("amazon", "E2E happy path", fields);
        String id = created.path("id").asText();

        // then: it is stored pending, credentials masked
        assertThat(created.path("status").asText()).isEqualTo("pending");
        secrets.forEach(secret -> assertThat(created.toString()).doesNotContain(secret));

        // then: Debezium relays its snapshot and the orchestrator asks adapter-amazon for a sync
        await("snapshot on " + Topics.CONNECTIONS).atMost(SyncWatch.CYCLE_TIMEOUT)
                .until(() -> TopicAudit.valuesOf(Topics.CONNECTIONS, id), values -> !values.isEmpty());
        await("sync request on " + Topics.syncRequests(Marketplace.AMAZON)).atMost(SyncWatch.CYCLE_TIMEOUT)
                .until(() -> TopicAudit.valuesOf(Topics.syncRequests(Marketplace.AMAZON), id), values -> !values.isEmpty());

        // then: the history shows exactly one cycle, a success
        SyncWatch watch = new SyncWatch(api, id);
        JsonNode cycle = watch.awaitNewestFinished();
        assertThat(cycle.path("status").asText()).as("cycle %s", cycle).isEqualTo("success");
        assertThat(watch.cycles()).hasSize(1);
        String syncId = cycle.path("syncId").asText();

        // then: each seeded order is on nexus.orders.v1 exactly once for that cycle
        List<ConsumerRecord<String, String>> orders = TopicAudit.recordsOf(Topics.ORDERS, id).stream()
                .filter(r -> syncId.equals(TopicAudit.json(r.value()).path("syncId").asText()))
                .toList();
        Set<String> keys = orders.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        Set<String> seeded = stack.orderKeys(E2eStack.HAPPY_SELLER, id);
        assertThat(orders).as("order records of cycle " + syncId).hasSize(E2eStack.SEEDED_ORDERS);
        assertThat(keys).as("distinct order keys").hasSize(E2eStack.SEEDED_ORDERS).isEqualTo(seeded);
        assertThat(simulator.requestLog().count("getOrders", 200) - pagesBefore).as("getOrders pages")
                .isGreaterThanOrEqualTo(E2eStack.SEEDED_ORDERS / E2eStack.ORDERS_PAGE_SIZE);

        // then: the history's counts are what is on the topics
        JsonNode counts = cycle.path("counts");
        assertThat(counts.path("orders").asLong()).isEqualTo(orders.size());
        assertThat(counts.path("products").asLong()).isPositive()
                .isEqualTo(TopicAudit.recordsOf(Topics.PRODUCTS, id).size());
        assertThat(counts.path("inventory").asLong()).isPositive()
                .isEqualTo(TopicAudit.recordsOf(Topics.INVENTORY, id).size());

        // then: the card is active
        JsonNode card = watch.awaitStatus("active", null);
        assertThat(card.path("lastSyncId").asText()).isEqualTo(syncId);
        assertThat(card.path("error").isNull() || card.path("error").isMissingNode()).as("card %s", card).isTrue();

        // then: every event about the connection honours its contract, and no secret is in events or logs
        Map<String, Integer> audited = TopicAudit.assertContractsAndNoSecrets(id, secrets);
        assertThat(audited).allSatisfy((topic, count) -> {
            if (!topic.equals(Topics.SYNC_COMMANDS)) {
                assertThat(count).as(topic).isPositive();
            }
        });
        TopicAudit.assertLogsFreeOf(stack.logFiles(), secrets);
        System.out.printf("e2e happy path: %d orders in cycle %s (%s ms), records audited per topic %s, simulator %s%n",
                orders.size(), syncId, cycle.path("durationMs").asText(), audited, simulator.requestLog().countsByStatus());
    }
}

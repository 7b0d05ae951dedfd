package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        Map<String, String> fields = E2eStack.credentialFields(E2eStack.HAPPY_SELLER);

        // when: a platform team adds the connection and the orchestrator asks adapter-amazon for its first cycle
        FirstSync sync = FirstSync.ofNewConnection(stack, Marketplace.AMAZON, "E2E happy path", fields,
                E2eStack.secretsOf(fields));

        // then: it was stored pending, and Debezium relayed its snapshot
        assertThat(sync.created.path("status").asText()).isEqualTo("pending");
        assertThat(TopicAudit.valuesOf(Topics.CONNECTIONS, sync.connectionId)).isNotEmpty();

        // then: each seeded order is on nexus.orders.v1 exactly once for that cycle, over many pages
        assertThat(stack.orderIds(E2eStack.HAPPY_SELLER)).hasSize(E2eStack.SEEDED_ORDERS);
        sync.assertEachOrderOnce(stack.orderIds(E2eStack.HAPPY_SELLER));
        assertThat(simulator.requestLog().count("getOrders", 200) - pagesBefore).as("getOrders pages")
                .isGreaterThanOrEqualTo(E2eStack.SEEDED_ORDERS / E2eStack.ORDERS_PAGE_SIZE);

        // then: the history's other counts are what is on the topics
        JsonNode counts = sync.cycle.path("counts");
        assertThat(counts.path("products").asLong()).isPositive()
                .isEqualTo(TopicAudit.recordsOf(Topics.PRODUCTS, sync.connectionId).size());
        assertThat(counts.path("inventory").asLong()).isPositive()
                .isEqualTo(TopicAudit.recordsOf(Topics.INVENTORY, sync.connectionId).size());

        // then: the card is active
        JsonNode card = sync.watch.awaitStatus("active", null);
        assertThat(card.path("lastSyncId").asText()).isEqualTo(sync.syncId);
        assertThat(card.path("error").isNull() || card.path("error").isMissingNode()).as("card %s", card).isTrue();

        // then: every event about the connection honours its contract, and no secret is in events or logs
        Map<String, Integer> audited = sync.assertContractsAndNoSecrets();
        assertThat(audited).allSatisfy((topic, count) -> {
            if (!topic.equals(Topics.SYNC_COMMANDS)) {
                assertThat(count).as(topic).isPositive();
            }
        });
        sync.report("happy path", audited, simulator.requestLog().countsByStatus());
    }
}

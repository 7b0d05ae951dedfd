package io.nexusconnect.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Order(1)
@ExtendWith(FaultStackExtension.class)
@DisplayName("Fault: adapter-shopify killed with SIGKILL in the middle of a first sync")
class AdapterKilledMidSyncTest {
    /** Each orders page answers this much later, so the kill lands several pages into a cycle, never after it. */
    private static final Duration PAGE_DELAY = Duration.ofMillis(150);
    private static final int PAGES_BEFORE_KILL = 8;

    @Test
    @DisplayName("The restarted adapter redoes the cycle: no order of the shop is lost, and the keyed view of "
            + "nexus.orders.v1 holds exactly one record per order (repeats are upserts of the same key)")
    void noOrderIsLostWhenTheAdapterDiesMidSync(FaultStack stack) {
        // given: a shop of 1,200 orders whose orders pages are served slowly
        ShopifySimulator shopify = stack.shopify();
        shopify.faults().persistent("orders", Fault.slow(PAGE_DELAY));
        long pagesAtStart = shopify.requestLog().count("orders", 200);

        // when: the connection is created (its first cycle starts) and the adapter is killed several pages in
        ShopifyConnection connection = stack.shopifyConnection();
        await("orders pages served").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> shopify.requestLog().count("orders", 200) - pagesAtStart >= PAGES_BEFORE_KILL);
        stack.kill(NexusServices.ADAPTER_SHOPIFY);
        long pagesBeforeKill = shopify.requestLog().count("orders", 200) - pagesAtStart;
        int recordsBeforeKill = stack.topics().recordsOf(Topics.ORDERS, connection.id()).size();
        SyncHistory history = new SyncHistory(stack.api(), connection.id());
        assertThat(history.cycles()).as("no cycle finished before the kill").noneMatch(SyncHistory::succeeded);

        // and: it comes back (pages at full speed again)
        shopify.faults().clear();
        stack.restart(NexusServices.ADAPTER_SHOPIFY);

        // then: a cycle succeeds after the restart
        JsonNode cycle = history.awaitCycle("a successful cycle after the restart", Duration.ofMinutes(4),
                SyncHistory::succeeded);

        // then: every order is on the topic, repeats only as the same key
        List<ConsumerRecord<String, String>> records = stack.topics().recordsOf(Topics.ORDERS, connection.id());
        List<String> expected = connection.orderKeys(shopify);
        Tally tally = Tally.of("adapter kill -9", expected, records.stream().map(ConsumerRecord::key).toList())
                .print("(killed after " + pagesBeforeKill + " pages, " + recordsBeforeKill + " records; cycles "
                        + history.cycles().stream().map(c -> c.path("status").asText()).toList() + ", redo counted "
                        + cycle.path("counts").path("orders").asLong() + " orders)");
        assertThat(expected).hasSize(FaultStack.SHOPIFY_ORDERS);
        assertThat(tally.lost()).as("orders lost").isZero();
        assertThat(tally.unexpected()).as("records of orders the shop does not have").isZero();
        Map<String, JsonNode> keyedView = new LinkedHashMap<>();
        records.forEach(r -> keyedView.put(r.key(), TopicReader.json(r.value())));
        assertThat(keyedView).hasSize(expected.size());
        keyedView.forEach((key, order) ->
                assertThat(Topics.recordKey(connection.id(), order.path("externalId").asText())).isEqualTo(key));
    }
}

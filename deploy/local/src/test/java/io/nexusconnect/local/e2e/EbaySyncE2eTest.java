package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.ebay.EbaySimConfig;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.sims.ebay.model.InventoryRecord;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new eBay connection through every real part: REST → outbox → Debezium → orchestrator → adapter-ebay (a process of
 * its own, beside the shared stack's services) → topics, against the eBay simulator in this JVM.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new eBay connection")
class EbaySyncE2eTest {
    /** adapter-ebay's {@code nexus.ebay.orders.end-guard} (PT5S) and a second of margin. */
    private static final Duration ADAPTER_END_GUARD = Duration.ofSeconds(6);
    private static final int SEEDED_ORDERS = 1200;
    private static final String ADAPTER = "adapter-ebay";
    private static EbaySimulator simulator;
    private static ServiceProcess adapter;

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** The simulator (29-day lookback: every order inside the connection's 30 days) and adapter-ebay wired to it. */
    private static void startEbay(E2eStack stack) {
        simulator = EbaySimulator.start(EbaySimConfig.builder().orderCount(SEEDED_ORDERS).itemCount(40)
                .lookback(Duration.ofDays(29)).build());
        adapter = ServiceProcess.start(NexusServices.adapterEbay(NexusServices.repoRoot(), stack.logDir().getParent(),
                Ports.free(), SharedInfra.kafkaBootstrapServers(), SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId(),
                simulator.baseUrl(), Map.of(), ServiceProcess.DEFAULT_JVM_OPTIONS));
        adapter.awaitReady(Duration.ofMinutes(3));
    }

    @Test
    @DisplayName("A connection created over REST is synced once: every seeded order lands exactly once on nexus.orders.v1 "
            + "over several pages, a three-unit line is priced right, the history shows one successful cycle, every "
            + "event matches its contract, and no secret leaks into events or logs")
    void newConnectionSyncsEveryOrderExactlyOnce(E2eStack stack) {
        // given: the eBay simulator's seller, an order with a three-unit line, and adapter-ebay running
        startEbay(stack);
        InventoryRecord item = simulator.items().stream().filter(i -> "ACTIVE".equals(i.listingStatus())).findFirst()
                .orElseThrow();
        EbayOrder multi = simulator.store().addOrder(Map.of(item.sku(), 3));
        // adapter-ebay reads orders modified up to now − its end guard (eBay refuses end dates in the future), so the
        // connection is created once the newest seeded change is older than that
        Instant newestChange = simulator.orders().stream().map(EbayOrder::lastModifiedDate).max(Instant::compareTo)
                .orElseThrow();
        await("seeded orders older than adapter-ebay's end guard").atMost(Duration.ofSeconds(30))
                .until(() -> Instant.now().isAfter(newestChange.plus(ADAPTER_END_GUARD)));
        ConnectionsClient api = stack.client();
        EbaySimulator.DemoIdentity demo = EbaySimulator.DEMO;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appId", demo.clientId());
        fields.put("devId", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        fields.put("certId", demo.clientSecret());
        fields.put("userToken", "v^1.1#i^1#f^0#p^3#r^1#t^unused-user-token-000000000001");
        fields.put("refreshToken", demo.refreshToken());
        fields.put("notificationVerificationToken", "nexus_e2e_verification_token_000000001");
        fields.put("marketplaceId", demo.marketplaceId());
        List<String> secrets = List.of(demo.clientSecret(), demo.refreshToken());

        // when: a platform team adds the connection
        JsonNode created = api.create("ebay", "E2E eBay", fields);
        String id = created.path("id").asText();

        // then: the orchestrator asks adapter-ebay for a sync, and the history shows one successful cycle
        await("sync request on " + Topics.syncRequests(Marketplace.EBAY)).atMost(SyncWatch.CYCLE_TIMEOUT)
                .until(() -> TopicAudit.valuesOf(Topics.syncRequests(Marketplace.EBAY), id), v -> !v.isEmpty());
        SyncWatch watch = new SyncWatch(api, id);
        JsonNode cycle = watch.awaitNewestFinished();
        assertThat(cycle.path("status").asText()).as("cycle %s", cycle).isEqualTo("success");
        assertThat(watch.cycles()).hasSize(1);
        String syncId = cycle.path("syncId").asText();

        // then: each order is on nexus.orders.v1 exactly once for that cycle, read over several getOrders pages
        List<ConsumerRecord<String, String>> orders = TopicAudit.recordsOf(Topics.ORDERS, id).stream()
                .filter(r -> syncId.equals(TopicAudit.json(r.value()).path("syncId").asText()))
                .toList();
        Set<String> seeded = simulator.orders().stream().map(o -> Topics.recordKey(id, o.orderId()))
                .collect(Collectors.toSet());
        assertThat(seeded).hasSize(SEEDED_ORDERS + 1);
        assertThat(orders).as("order records of cycle " + syncId).hasSize(seeded.size());
        assertThat(orders.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(seeded);
        assertThat(simulator.requestLog().count("getOrders", 200)).isGreaterThanOrEqualTo(SEEDED_ORDERS / 200);

        // then: the three-unit line carries the unit price and unit price × 3 as its total, in USD
        JsonNode line = orders.stream().map(r -> TopicAudit.json(r.value()))
                .filter(o -> o.path("externalId").asText().equals(multi.orderId())).findFirst().orElseThrow()
                .path("lines").path(0);
        assertThat(line.path("quantity").asInt()).isEqualTo(3);
        assertThat(new BigDecimal(line.path("unitPrice").path("amount").asText())).isEqualByComparingTo(item.price());
        assertThat(new BigDecimal(line.path("lineTotal").path("amount").asText()))
                .isEqualByComparingTo(item.price().multiply(BigDecimal.valueOf(3)));
        assertThat(line.path("lineTotal").path("currency").asText()).isEqualTo("USD");

        // then: the counts match the topics, every event honours its contract, and no secret is in events or logs
        assertThat(cycle.path("counts").path("orders").asLong()).isEqualTo(orders.size());
        assertThat(cycle.path("counts").path("products").asLong()).isEqualTo(simulator.items().size());
        Map<String, Integer> audited = TopicAudit.assertContractsAndNoSecrets(id, secrets);
        List<Path> logs = new ArrayList<>(stack.logFiles());
        logs.add(adapter.process().logFile());
        TopicAudit.assertLogsFreeOf(logs, secrets);
        System.out.printf("e2e eBay: %d orders in cycle %s (%s ms), records audited per topic %s, simulator %s%n",
                orders.size(), syncId, cycle.path("durationMs").asText(), audited,
                simulator.requestLog().countsByStatus());
    }
}

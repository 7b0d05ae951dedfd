package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.model.SimVariant;
import io.nexusconnect.sims.shopify.seed.ShopSeeder;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new Shopify connection through every real part: REST → outbox → Debezium → orchestrator → adapter-shopify (a
 * process of its own, beside the shared stack's services) → topics, against the Shopify simulator in this JVM with
 * the cost bucket restoring 50 times faster than the Standard plan.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new Shopify connection")
class ShopifySyncE2eTest {
    private static final int SEEDED_ORDERS = 1200;
    private static ShopifySimulator simulator;
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

    private static void startShopify() throws Exception {
        simulator = ShopifySimulator.start(ShopifySimConfig.defaults().withData(SEEDED_ORDERS, 40, 11).withSpeed(50)
                .withLookback(Duration.ofDays(29)));
        adapter = ServiceProcess.start(NexusServices.adapterShopify(NexusServices.repoRoot(),
                Files.createTempDirectory("e2e-shopify"), Ports.free(), SharedInfra.kafkaBootstrapServers(),
                SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId(), simulator.baseUrl(), Map.of(),
                ServiceProcess.DEFAULT_JVM_OPTIONS));
        adapter.awaitReady(Duration.ofMinutes(3));
    }

    @Test
    @DisplayName("A connection created over REST is synced once: every seeded order lands exactly once on nexus.orders.v1 "
            + "over many cost-planned pages, a three-unit discounted line is priced as Shopify defines it, every event "
            + "matches its contract, and no secret leaks into events or logs")
    void newConnectionSyncsEveryOrderExactlyOnce(E2eStack stack) throws Exception {
        // given: the simulator's shop, an order with a three-unit line and 5.00 off, and adapter-shopify running
        startShopify();
        SimVariant variant = simulator.store().products().getFirst().variants().getFirst();
        SimOrder multi = ShopSeeder.fixedOrder(simulator.store(), Map.of(variant.sku(), 3), new BigDecimal("5.00"));
        ConnectionsClient api = stack.client();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("shopDomain", ShopifySimulator.DEMO.myshopifyDomain());
        fields.put("adminApiAccessToken", ShopifySimulator.DEMO.accessToken());
        fields.put("apiSecretKey", "shpss_" + "abcdef0123456789abcdef0123456789");
        List<String> secrets = List.of(ShopifySimulator.DEMO.accessToken(), fields.get("apiSecretKey"));

        // when: a platform team adds the connection
        JsonNode created = api.create("shopify", "E2E Shopify", fields);
        String id = created.path("id").asText();

        // then: the orchestrator asks adapter-shopify for a sync, and the history shows one successful cycle
        await("sync request on " + Topics.syncRequests(Marketplace.SHOPIFY)).atMost(SyncWatch.CYCLE_TIMEOUT)
                .until(() -> TopicAudit.valuesOf(Topics.syncRequests(Marketplace.SHOPIFY), id), v -> !v.isEmpty());
        SyncWatch watch = new SyncWatch(api, id);
        JsonNode cycle = watch.awaitNewestFinished();
        assertThat(cycle.path("status").asText()).as("cycle %s", cycle).isEqualTo("success");
        assertThat(watch.cycles()).hasSize(1);
        String syncId = cycle.path("syncId").asText();

        // then: each order is on nexus.orders.v1 exactly once for that cycle, read over many orders pages
        List<ConsumerRecord<String, String>> orders = TopicAudit.recordsOf(Topics.ORDERS, id).stream()
                .filter(r -> syncId.equals(TopicAudit.json(r.value()).path("syncId").asText()))
                .toList();
        Set<String> seeded = simulator.store().orders().stream().map(o -> Topics.recordKey(id, o.id()))
                .collect(Collectors.toSet());
        assertThat(seeded).hasSize(SEEDED_ORDERS + 1);
        assertThat(orders).as("order records of cycle " + syncId).hasSize(seeded.size());
        assertThat(orders.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(seeded);
        assertThat(simulator.requestLog().count("orders", 200)).isGreaterThanOrEqualTo(SEEDED_ORDERS / 20);

        // then: the three-unit line carries the unit price before discounts and unit × 3 − 5.00 as its total
        JsonNode line = orders.stream().map(r -> TopicAudit.json(r.value()))
                .filter(o -> o.path("externalId").asText().equals(multi.id())).findFirst().orElseThrow()
                .path("lines").path(0);
        assertThat(line.path("quantity").asInt()).isEqualTo(3);
        assertThat(new BigDecimal(line.path("unitPrice").path("amount").asText())).isEqualByComparingTo(variant.price());
        assertThat(new BigDecimal(line.path("lineTotal").path("amount").asText()))
                .isEqualByComparingTo(variant.price().multiply(BigDecimal.valueOf(3)).subtract(new BigDecimal("5.00")));
        assertThat(line.path("lineTotal").path("currency").asText()).isEqualTo("USD");

        // then: the counts match the topics, every event honours its contract, and no secret is in events or logs
        assertThat(cycle.path("counts").path("orders").asLong()).isEqualTo(orders.size());
        Map<String, Integer> audited = TopicAudit.assertContractsAndNoSecrets(id, secrets);
        List<Path> logs = new ArrayList<>(stack.logFiles());
        logs.add(adapter.process().logFile());
        TopicAudit.assertLogsFreeOf(logs, secrets);
        System.out.printf("e2e Shopify: %d orders in cycle %s (%s ms), records audited per topic %s, simulator %s%n",
                orders.size(), syncId, cycle.path("durationMs").asText(), audited,
                simulator.requestLog().countsByStatus());
    }
}

package io.nexusconnect.local.e2e;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.demo.DemoMarketplaces;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.ebay.EbaySimConfig;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.sims.ebay.model.InventoryRecord;
import io.nexusconnect.testinfra.SharedInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new eBay connection through every real part: REST → outbox → Debezium → orchestrator → adapter-ebay (a process of
 * its own, beside the shared stack's services) → topics, against the eBay simulator in this JVM.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new eBay connection")
class EbaySyncE2eTest {
    private static final int SEEDED_ORDERS = 1200;
    private static EbaySimulator simulator;
    private static ServiceProcess adapter;

    @AfterAll
    static void stop() throws Exception {
        FirstSync.closeAll(adapter, simulator);
    }

    /**
     * The simulator (29-day lookback: every order inside the connection's 30 days) and adapter-ebay wired to it, with
     * no end guard: the cycle can start within the default 5 s of the order placed just before it.
     */
    private static void startEbay(E2eStack stack) {
        simulator = EbaySimulator.start(EbaySimConfig.builder().orderCount(SEEDED_ORDERS).itemCount(40)
                .lookback(Duration.ofDays(29)).build());
        adapter = FirstSync.startAdapter(NexusServices.adapterEbay(NexusServices.repoRoot(),
                stack.logDir().getParent(), Ports.free(), SharedInfra.kafkaBootstrapServers(), SharedInfra.keyRingSpec(),
                SharedInfra.primaryKeyId(), simulator.baseUrl(), Map.of("NEXUS_EBAY_ORDERS_END_GUARD", "PT0S"),
                ServiceProcess.DEFAULT_JVM_OPTIONS));
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
        EbaySimulator.DemoIdentity demo = EbaySimulator.DEMO;
        Map<String, String> fields = DemoMarketplaces.ebayFields();

        // when: a platform team adds the connection and the orchestrator asks adapter-ebay for its first cycle
        FirstSync sync = FirstSync.ofNewConnection(stack, Marketplace.EBAY, "E2E eBay", fields,
                List.of(demo.clientSecret(), demo.refreshToken()));

        // then: each order is on nexus.orders.v1 exactly once for that cycle, read over several getOrders pages
        assertThat(simulator.orders()).hasSize(SEEDED_ORDERS + 1);
        sync.assertEachOrderOnce(simulator.orders().stream().map(EbayOrder::orderId).toList());
        assertThat(simulator.requestLog().count("getOrders", 200)).isGreaterThanOrEqualTo(SEEDED_ORDERS / 200);

        // then: the three-unit line carries the unit price and unit price × 3 as its total, in USD
        sync.assertFirstLine(multi.orderId(), 3, item.price(), item.price().multiply(BigDecimal.valueOf(3)), "USD");

        // then: the products match the catalogue, every event honours its contract, and no secret leaks
        assertThat(sync.cycle.path("counts").path("products").asLong()).isEqualTo(simulator.items().size());
        Map<String, Integer> audited = sync.assertContractsAndNoSecrets(adapter);
        sync.report("eBay", audited, simulator.requestLog().countsByStatus());
    }
}

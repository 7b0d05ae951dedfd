package io.nexusconnect.local.e2e;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.demo.WalmartSpeed;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.walmart.WalmartSimConfig;
import io.nexusconnect.sims.walmart.WalmartSimulator;
import io.nexusconnect.sims.walmart.WalmartStore;
import io.nexusconnect.testinfra.SharedInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Walmart connection through every real part: REST → outbox → Debezium → orchestrator → adapter-walmart (a
 * process of its own, beside the shared stack's services) → topics, against the Walmart simulator in this JVM, whose
 * token buckets and the adapter's both run {@value #SPEED_FACTOR} times faster than the documented-order limits.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new Walmart connection")
class WalmartSyncE2eTest {
    private static final int SEEDED_ORDERS = 1200;
    private static final double SPEED_FACTOR = 50;
    private static WalmartSimulator simulator;
    private static ServiceProcess adapter;

    @AfterAll
    static void stop() throws Exception {
        FirstSync.closeAll(adapter, simulator);
    }

    /**
     * The simulator (29-day lookback: every order inside the connection's 30 days; buckets {@value #SPEED_FACTOR}
     * times the defaults) and adapter-walmart wired to it, with no end guard so an order placed just before the cycle
     * is in it.
     */
    private static void startWalmart(E2eStack stack) {
        WalmartSimConfig defaults = WalmartSimConfig.defaults();
        simulator = WalmartSimulator.start(new WalmartSimConfig(defaults.host(), 0, defaults.clock(), 11, SEEDED_ORDERS,
                40, Duration.ofDays(29), defaults.tokenTtl(), WalmartSpeed.buckets(SPEED_FACTOR), defaults.feedsPerHour(),
                defaults.feedProcessing(), defaults.chargeBasis()));
        adapter = FirstSync.startAdapter(NexusServices.adapterWalmart(NexusServices.repoRoot(),
                stack.logDir().getParent(), Ports.free(), SharedInfra.kafkaBootstrapServers(), SharedInfra.keyRingSpec(),
                SharedInfra.primaryKeyId(), simulator.baseUrl(), SPEED_FACTOR,
                Map.of("NEXUS_WALMART_ORDERS_END_GUARD", "PT0S"), ServiceProcess.DEFAULT_JVM_OPTIONS));
    }

    @Test
    @DisplayName("A connection created over REST is synced once: every seeded order lands exactly once on nexus.orders.v1 "
            + "over several pages, a three-unit line is priced per unit, each new order is acknowledged exactly once, "
            + "the history shows one successful cycle, every event matches its contract, and no secret leaks")
    void newConnectionSyncsAndAcknowledgesEveryOrderExactlyOnce(E2eStack stack) {
        // given: the simulator's seller, a new order with a three-unit line, and adapter-walmart running
        startWalmart(stack);
        WalmartStore.Item item = simulator.store().items().getFirst();
        WalmartStore.PurchaseOrder multi = simulator.store().place(item.sku, 3);
        Set<String> created = simulator.store().orders().stream().filter(o -> o.allLines("Created"))
                .map(o -> o.purchaseOrderId).collect(Collectors.toSet());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientId", WalmartSimulator.DEMO.clientId());
        fields.put("clientSecret", WalmartSimulator.DEMO.clientSecret());

        // when: a platform team adds the connection and the orchestrator asks adapter-walmart for its first cycle
        FirstSync sync = FirstSync.ofNewConnection(stack, Marketplace.WALMART, "E2E Walmart", fields,
                List.of(WalmartSimulator.DEMO.clientSecret()));

        // then: each order is on nexus.orders.v1 exactly once for that cycle, read over several getAllOrders pages
        List<String> seeded = simulator.store().orders().stream().map(o -> o.purchaseOrderId).toList();
        assertThat(seeded).hasSize(SEEDED_ORDERS + 1);
        sync.assertEachOrderOnce(seeded);
        assertThat(simulator.requestLog().count(WalmartSimulator.GET_ORDERS, 200))
                .isGreaterThanOrEqualTo(SEEDED_ORDERS / 200);

        // then: the three-unit line carries the unit price and unit price × 3 as its total, in USD
        BigDecimal unitPrice = multi.lines.getFirst().unitPrice;
        sync.assertFirstLine(multi.purchaseOrderId, 3, unitPrice, unitPrice.multiply(BigDecimal.valueOf(3)), "USD");

        // then: every order that was new is acknowledged exactly once at Walmart, and no other order at all
        assertThat(created).contains(multi.purchaseOrderId);
        assertThat(simulator.store().orders()).allSatisfy(order -> assertThat(order.acknowledgements)
                .as("acknowledgements of %s", order.purchaseOrderId)
                .isEqualTo(created.contains(order.purchaseOrderId) ? 1 : 0));

        // then: every event honours its contract, and no secret is in events or logs
        Map<String, Integer> audited = sync.assertContractsAndNoSecrets(adapter);
        sync.report("Walmart", audited, simulator.requestLog().countsByStatus());
    }
}

package io.nexusconnect.local.e2e;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.demo.SimulatorSpeed;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.bol.BolSimConfig;
import io.nexusconnect.sims.bol.BolSimulator;
import io.nexusconnect.sims.bol.BolStore;
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
 * A new bol.com connection through every real part: REST → outbox → Debezium → orchestrator → adapter-bol (a process
 * of its own, beside the shared stack's services) → topics, against the bol simulator in this JVM, whose
 * per-operation limits and the adapter's buckets both run {@value #SPEED_FACTOR} times faster than bol's published
 * ones.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new bol.com connection")
class BolSyncE2eTest {
    /** Every tenth seeded order is shipped, so 1,080 are open: 22 pages of 50 and the empty one. */
    private static final int SEEDED_ORDERS = 1200;
    private static final int ORDERS_PAGE_SIZE = 50;
    private static final double SPEED_FACTOR = 50;
    private static BolSimulator simulator;
    private static ServiceProcess adapter;

    @AfterAll
    static void stop() throws Exception {
        FirstSync.closeAll(adapter, simulator);
    }

    /** The simulator (limits {@value #SPEED_FACTOR} times bol's, writes processed in 200 ms) and adapter-bol. */
    private static void startBol(E2eStack stack) {
        simulator = BolSimulator.start(SimulatorSpeed.bol(BolSimConfig.defaults().withData(SEEDED_ORDERS, 60, 11)
                .withProcessingTime(Duration.ofMillis(200)), SPEED_FACTOR));
        adapter = FirstSync.startAdapter(NexusServices.adapterBol(NexusServices.repoRoot(),
                stack.logDir().getParent(), Ports.free(), SharedInfra.kafkaBootstrapServers(), SharedInfra.keyRingSpec(),
                SharedInfra.primaryKeyId(), simulator.baseUrl(), SPEED_FACTOR, Duration.ofMillis(200), Map.of(),
                ServiceProcess.DEFAULT_JVM_OPTIONS));
    }

    @Test
    @DisplayName("A connection created over REST is synced once: every open FBR and FBB order lands exactly once on "
            + "nexus.orders.v1 over more than twenty pages, a discounted multi-unit line is priced as bol states it, "
            + "the history shows one successful cycle, every event matches its contract, and no secret leaks")
    void newConnectionSyncsEveryOpenOrderExactlyOnce(E2eStack stack) {
        // given: the simulator's retailer with open and shipped orders, and adapter-bol running
        startBol(stack);
        List<BolStore.Order> open = simulator.store().orders().stream()
                .filter(order -> order.items().stream().anyMatch(BolStore.Item::open)).toList();
        BolStore.Order discountedOrder = open.stream()
                .filter(order -> order.items().stream().anyMatch(i -> i.quantity() > 1 && i.discount().signum() > 0))
                .findFirst().orElseThrow();
        BolStore.Item discounted = discountedOrder.items().stream()
                .filter(i -> i.quantity() > 1 && i.discount().signum() > 0).findFirst().orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientId", BolSimulator.DEMO.clientId());
        fields.put("clientSecret", BolSimulator.DEMO.clientSecret());

        // when: a platform team adds the connection and the orchestrator asks adapter-bol for its first cycle
        FirstSync sync = FirstSync.ofNewConnection(stack, Marketplace.BOL, "E2E bol.com", fields,
                List.of(BolSimulator.DEMO.clientSecret()));

        // then: each open order is on nexus.orders.v1 exactly once for that cycle, read page by page to the empty one
        assertThat(open).hasSizeGreaterThanOrEqualTo(1000).hasSizeLessThan(SEEDED_ORDERS);
        sync.assertEachOrderOnce(open.stream().map(BolStore.Order::orderId).toList());
        assertThat(simulator.requestLog().count("get-orders", 200))
                .isGreaterThanOrEqualTo(open.size() / ORDERS_PAGE_SIZE + 1);
        Set<String> channels = sync.orders.stream()
                .map(r -> TopicAudit.json(r.value()).path("fulfillmentChannel").asText()).collect(Collectors.toSet());
        assertThat(channels).contains("FBR", "FBB");

        // then: the discounted line carries bol's unit price and quantity × unit price − discount as its total
        BigDecimal total = discounted.unitPrice().multiply(BigDecimal.valueOf(discounted.quantity()))
                .subtract(discounted.discount());
        sync.assertLine(discountedOrder.orderId(), discounted.orderItemId(), discounted.quantity(),
                discounted.unitPrice(), total, "EUR");

        // then: every event honours its contract, and no secret is in events or logs
        Map<String, Integer> audited = sync.assertContractsAndNoSecrets(adapter);
        sync.report("bol.com", audited, simulator.requestLog().countsByStatus());
    }
}

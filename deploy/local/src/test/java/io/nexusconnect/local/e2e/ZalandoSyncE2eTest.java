package io.nexusconnect.local.e2e;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.demo.SimulatorSpeed;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.zalando.ZalandoSimConfig;
import io.nexusconnect.sims.zalando.ZalandoSimulator;
import io.nexusconnect.sims.zalando.ZalandoStore;
import io.nexusconnect.testinfra.SharedInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Zalando connection through every real part: REST → outbox → Debezium → orchestrator → adapter-zalando (a
 * process of its own, beside the shared stack's services) → topics, against the zDirect simulator in this JVM, whose
 * per-minute quotas and the adapter's buckets both run {@value #SPEED_FACTOR} times faster than the documented ones.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new Zalando connection")
class ZalandoSyncE2eTest {
    private static final int SEEDED_ORDERS = 1200;
    /** Orders that arrive at the start of each of the cycle's first order lists, as in a busy shop. */
    private static final int ARRIVALS_PER_LIST = 3;
    private static final int LISTS_WITH_ARRIVALS = 4;
    private static final double SPEED_FACTOR = 50;
    private static ZalandoSimulator simulator;
    private static ServiceProcess adapter;

    @AfterAll
    static void stop() throws Exception {
        FirstSync.closeAll(adapter, simulator);
    }

    /** The simulator (quotas {@value #SPEED_FACTOR} times the documented ones) and adapter-zalando. */
    private static void startZalando(E2eStack stack) {
        simulator = ZalandoSimulator.start(SimulatorSpeed.zalando(ZalandoSimConfig.defaults().withData(SEEDED_ORDERS, 11),
                SPEED_FACTOR));
        adapter = FirstSync.startAdapter(NexusServices.adapterZalando(NexusServices.repoRoot(),
                stack.logDir().getParent(), Ports.free(), SharedInfra.kafkaBootstrapServers(), SharedInfra.keyRingSpec(),
                SharedInfra.primaryKeyId(), simulator.baseUrl(), SPEED_FACTOR, Map.of(),
                ServiceProcess.DEFAULT_JVM_OPTIONS));
    }

    @Test
    @DisplayName("A connection created over REST is synced once while new orders arrive: every order lands exactly once "
            + "on nexus.orders.v1 over several pages and is exported exactly once at zDirect, a three-unit item is one "
            + "line priced by its unit lines, the history shows one successful cycle, every event matches its "
            + "contract, and no secret leaks")
    void newConnectionImportsAndExportsEveryOrderExactlyOnce(E2eStack stack) {
        // given: the simulator's merchant, orders arriving during the cycle's first lists, and adapter-zalando running
        startZalando(stack);
        ZalandoStore.Order multiOrder = simulator.store().orders().stream()
                .filter(order -> order.items.getFirst().lines().size() == 3).findFirst().orElseThrow();
        ZalandoStore.Item multi = multiOrder.items.getFirst();
        simulator.store().arriveDuringNextLists(ARRIVALS_PER_LIST, LISTS_WITH_ARRIVALS);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientId", ZalandoSimulator.DEMO.clientId());
        fields.put("clientSecret", ZalandoSimulator.DEMO.clientSecret());
        fields.put("merchantId", simulator.config().merchantId());

        // when: a platform team adds the connection and the orchestrator asks adapter-zalando for its first cycle
        FirstSync sync = FirstSync.ofNewConnection(stack, Marketplace.ZALANDO, "E2E Zalando", fields,
                List.of(ZalandoSimulator.DEMO.clientSecret()));

        // then: each order, the arrivals too, is on nexus.orders.v1 exactly once for that cycle, over several lists
        List<ZalandoStore.Order> orders = simulator.store().orders();
        assertThat(orders).hasSize(SEEDED_ORDERS + ARRIVALS_PER_LIST * LISTS_WITH_ARRIVALS);
        sync.assertEachOrderOnce(orders.stream().map(order -> order.id).toList());
        assertThat(simulator.requestLog().count(ZalandoSimulator.GET_ORDERS, 200))
                .isGreaterThan(LISTS_WITH_ARRIVALS);

        // then: zDirect saw every order exported, each with exactly one merchant_order_id PATCH (204 No Content)
        assertThat(orders).allSatisfy(order -> assertThat(order.exportPatches)
                .as("exports of %s (exported: %s)", order.id, order.exported()).isEqualTo(1));
        assertThat(simulator.requestLog().count(ZalandoSimulator.PATCH_ORDER, 204)).isEqualTo(orders.size());

        // then: the three-unit item is one line of quantity 3 at its unit lines' price, their sum as its total
        BigDecimal unitPrice = multi.lines().getFirst().amount();
        sync.assertLine(multiOrder.id, multi.id(), 3, unitPrice, unitPrice.multiply(BigDecimal.valueOf(3)), "EUR");

        // then: every event honours its contract, and no secret is in events or logs
        Map<String, Integer> audited = sync.assertContractsAndNoSecrets(adapter);
        sync.report("Zalando", audited, simulator.requestLog().countsByStatus());
    }
}

package io.nexusconnect.kaufland.it;

import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.nexusconnect.sims.kaufland.model.OrderUnit;
import io.nexusconnect.sims.kaufland.model.Unit;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through the real adapter and broker against the simulator's per-seller rate (111 requests/s): a first sync of
 * {@code kaufland.sim.orders} orders (1,000 with -Pbench) on three storefronts, and a SetStock of
 * {@code kaufland.sim.skus} SKUs (10,000 with -Pbench). Prints calls per operation, wall time and the floor (the fewest
 * calls the API allows, and those calls at the documented rate). Figures are printed, never asserted. Not part of
 * {@code verify}: {@code ./mvnw -o -B -pl adapter-kaufland -am -Pbench verify -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KauflandSimResource.class, restrictToAnnotatedClass = false)
class KauflandBenchmark {
    private static final double RATE = 111;
    KauflandSimulator sim;

    @Test
    void firstSyncAndSetStock() {
        TestCycles.completed(TestCycles.run(TestCycles.request(KauflandSyncTest.demoConnection(), SyncMode.FULL,
                Map.of(), Set.of(SyncScope.ORDERS)))); // warm-up: JIT, connections, topics

        Map<String, List<OrderUnit>> unitsByStorefront = sim.store().orderUnits().stream()
                .collect(Collectors.groupingBy(OrderUnit::storefront));
        long orderPagesFloor = unitsByStorefront.values().stream().mapToLong(u -> (u.size() + 99) / 100).sum();
        long orders = sim.store().orderUnits().stream().map(OrderUnit::idOrder).distinct().count();
        SyncCompleted[] completed = new SyncCompleted[1];
        Measured sync = measure(() -> completed[0] = TestCycles.completed(TestCycles.run(TestCycles.request(
                KauflandSyncTest.demoConnection(), SyncMode.FULL, Map.of(), Set.of(SyncScope.ORDERS)))));
        System.out.printf("%n=== Kaufland first sync: %d orders, %d order units on 3 storefronts ===%n", orders,
                sim.store().orderUnits().size());
        print("orders step", sync, orderPagesFloor);
        System.out.println("   " + completed[0].counts() + " " + completed[0].outcome());

        List<Unit> units = sim.store().units();
        Map<String, Long> perStorefront = units.stream().collect(Collectors.groupingBy(Unit::storefront,
                Collectors.counting()));
        long stockFloor = perStorefront.values().stream().mapToLong(n -> (n + 99) / 100 + (n + 149) / 150).sum();
        ConnectionSnapshot connection = KauflandSyncTest.demoConnection();
        List<SetStock.Item> items = units.stream().map(u -> new SetStock.Item(u.idOffer(), u.amount() + 1,
                u.amount() + 1, 10)).toList();
        SetStock command = new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(),
                Marketplace.KAUFLAND, items, Instant.now(), connection);
        Measured stock = measure(() -> {
            KafkaTestClient.publish(Topics.stockCommands(Marketplace.KAUFLAND), command);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> units.stream()
                    .allMatch(u -> sim.store().unit(u.idUnit()).orElseThrow().amount() == u.amount() + 1));
            return null;
        });
        System.out.printf("=== Kaufland SetStock: %d SKUs on 3 storefronts ===%n", units.size());
        print("set stock", stock, stockFloor);
        assertThat(completed[0].outcome()).isEqualTo(SyncOutcome.SUCCESS);
    }

    private record Measured(Map<String, Long> calls, Duration wall) {
    }

    private Measured measure(Supplier<?> run) {
        Map<String, Long> before = new TreeMap<>(sim.requestLog().counts());
        long start = System.nanoTime();
        run.get();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> calls = new TreeMap<>();
        sim.requestLog().counts().forEach((op, n) -> {
            long delta = n - before.getOrDefault(op, 0L);
            if (delta > 0) {
                calls.put(op, delta);
            }
        });
        return new Measured(calls, wall);
    }

    private static void print(String name, Measured measured, long floor) {
        long total = measured.calls().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%-12s calls %s = %d (floor %d calls = %.2f s at %.0f/s; ratio %.2f), wall %d ms%n", name,
                measured.calls(), total, floor, floor / RATE, RATE, (double) total / floor,
                measured.wall().toMillis());
    }
}

package io.nexusconnect.walmart.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestStockCommands;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.walmart.WalmartSimulator;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * A first sync of {@code walmart.sim.orders} orders (1,000 with -Pbench) and a 10,000-SKU SetStock against the
 * simulator's default limits, through the real adapter and broker: prints the calls per operation and the wall time
 * next to the floor. Figures are printed, never asserted. Not part of {@code verify}:
 * {@code ./mvnw -o -B -pl adapter-walmart -am -Pbench verify}.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = WalmartSimResource.class, restrictToAnnotatedClass = false)
class WalmartBenchmark {
    WalmartSimulator sim;

    @Test
    void firstSyncAndBulkStock() {
        // the first sync without acknowledgements (their floor is computed below: one call per new order)
        ConnectionSnapshot connection = TestConnections.of(Marketplace.WALMART)
                .secret("clientId", WalmartSimulator.DEMO.clientId())
                .secret("clientSecret", WalmartSimulator.DEMO.clientSecret())
                .property("acknowledgeOrders", "false").build();
        Map<String, Long> before = new TreeMap<>(sim.requestLog().counts());
        long start = System.nanoTime();
        SyncCompleted done = TestCycles.completed(TestCycles.run(TestCycles.request(connection, SyncMode.FULL,
                Map.of(), Set.of(SyncScope.ORDERS))));
        long syncMillis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> syncCalls = delta(before);
        int orders = sim.store().orders().size();
        long created = sim.store().orders().stream().filter(o -> o.allLines("Created")).count();
        System.out.printf("%n=== Walmart first sync: %d orders, %s, %s ===%n", orders, done.outcome(), done.counts());
        System.out.printf("calls %s, wall %d ms; floor %d calls (1 token + ceil(%d/200) getAllOrders)%n", syncCalls,
                syncMillis, 1 + (orders + 199) / 200, orders);
        System.out.printf("acknowledgements: %d Created orders = %d acknowledgeOrders calls at the floor%n", created,
                created);

        // a 10,000-SKU stock command: one inventory feed
        int skus = 10_000;
        Map<String, Integer> quantities = new TreeMap<>();
        IntStream.rangeClosed(1, skus).forEach(i -> quantities.put(String.format("WM-SKU-%05d", i), 5));
        SetStock command = TestStockCommands.set(connection, quantities);
        before = new TreeMap<>(sim.requestLog().counts());
        start = System.nanoTime();
        TestStockCommands.send(command);
        String last = String.format("WM-SKU-%05d", sim.store().items().size());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> sim.store().item(last).orElseThrow().quantity == 5);
        long stockMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("=== SetStock of %d SKUs (%d known to the simulator) ===%n", skus, sim.store().items().size());
        System.out.printf("calls %s, wall %d ms until applied; floor 2 calls (1 submitFeed + 1 getFeedItemStatus)%n",
                delta(before), stockMillis);
    }

    private Map<String, Long> delta(Map<String, Long> before) {
        Map<String, Long> calls = new TreeMap<>();
        sim.requestLog().counts().forEach((op, n) -> {
            long d = n - before.getOrDefault(op, 0L);
            if (d > 0) {
                calls.put(op, d);
            }
        });
        return calls;
    }
}

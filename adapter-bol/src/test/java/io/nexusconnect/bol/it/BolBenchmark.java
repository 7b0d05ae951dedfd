package io.nexusconnect.bol.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestStockCommands;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.bol.BolSimulator;
import io.nexusconnect.sims.bol.BolStore;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

/**
 * A first sync of {@code bol.sim.orders} orders (1,000 with -Pbench) and a 10,000-SKU SetStock against the published
 * limits on both sides, through the real adapter and broker: prints the calls per operation and the wall time next to
 * the floor. Figures are printed, never asserted. Not part of {@code verify}:
 * {@code ./mvnw -o -B -pl adapter-bol -am -Pbench verify -Dtest=BolBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BolSimResource.class, restrictToAnnotatedClass = false)
class BolBenchmark {
    BolSimulator sim;

    @Test
    void firstSyncAndBulkStock() {
        ConnectionSnapshot connection = TestConnections.of(Marketplace.BOL)
                .secret("clientId", BolSimulator.DEMO.clientId())
                .secret("clientSecret", BolSimulator.DEMO.clientSecret()).build();
        Map<String, Long> before = new TreeMap<>(sim.requestLog().counts());
        long start = System.nanoTime();
        SyncCompleted done = TestCycles.completed(TestCycles.run(TestCycles.request(connection, SyncMode.FULL,
                Map.of(), Set.of(SyncScope.ORDERS))));
        long syncMillis = (System.nanoTime() - start) / 1_000_000;
        long open = sim.store().orders().stream().filter(o -> o.items().stream().anyMatch(BolStore.Item::open))
                .count();
        System.out.printf("%n=== bol first sync: %d orders, %d open, %s, %s ===%n", sim.store().orders().size(), open,
                done.outcome(), done.counts());
        System.out.printf("calls %s, wall %d ms; floor %d calls (1 token + ceil(%d/50) + 1 get-orders + %d get-order)"
                + "; time floor (%d - 25) / 25 s for get-order at 25/s%n", delta(before), syncMillis,
                1 + (open + 49) / 50 + 1 + open, open, open, open);

        Map<String, Integer> quantities = new TreeMap<>();
        sim.store().offers().forEach(o -> quantities.put(o.reference(), 5));
        SetStock command = TestStockCommands.set(connection, quantities);
        before = new TreeMap<>(sim.requestLog().counts());
        start = System.nanoTime();
        TestStockCommands.send(command);
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> sim.store().offers().stream().allMatch(o -> o.stock() == 5));
        long stockMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("=== SetStock of %d SKUs (bol: one PUT per offer) ===%n", quantities.size());
        System.out.printf("calls %s, wall %d ms until applied; floor %d PUTs + 1 export + ceil(%d/1000) bulk status"
                + " calls a round; time floor (%d - 25) / 25 s at 25 PUTs/s%n", delta(before), stockMillis,
                quantities.size(), quantities.size(), quantities.size());
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

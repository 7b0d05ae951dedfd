package io.nexusconnect.zalando.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestStockCommands;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.zalando.ZalandoSimulator;
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
 * A first sync of {@code zalando.sim.orders} orders (1,000 with -Pbench: import and export) and a SetStock of
 * {@code zalando.sim.skus} EANs (10,000) in one sales channel against the documented limits, through the real
 * adapter and broker: prints the calls per operation and the wall time next to the floor. Figures are printed, never
 * asserted. Not part of {@code verify}: {@code ./mvnw -o -B -pl adapter-zalando -am -Pbench verify
 * -Dtest=ZalandoBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZalandoSimResource.class, restrictToAnnotatedClass = false)
class ZalandoBenchmark {
    ZalandoSimulator sim;

    @Test
    void firstSyncAndBulkStock() {
        ConnectionSnapshot connection = TestConnections.of(Marketplace.ZALANDO)
                .property("merchantId", sim.config().merchantId())
                .property("salesChannelIds", sim.config().salesChannelId())
                .secret("clientId", ZalandoSimulator.DEMO.clientId())
                .secret("clientSecret", ZalandoSimulator.DEMO.clientSecret()).build();
        Map<String, Long> before = new TreeMap<>(sim.requestLog().counts());
        long start = System.nanoTime();
        SyncCompleted done = TestCycles.completed(TestCycles.run(TestCycles.request(connection, SyncMode.FULL,
                Map.of(), Set.of(SyncScope.ORDERS))));
        long syncMillis = (System.nanoTime() - start) / 1_000_000;
        int orders = sim.store().orders().size();
        System.out.printf("%n=== Zalando first sync: %d orders, %s, %s ===%n", orders, done.outcome(), done.counts());
        System.out.printf("calls %s, wall %d ms; floor %d calls (1 token + ceil(%d/200) + 1 empty getOrders + %d"
                + " patchOrder)%n", delta(before), syncMillis, 2 + (orders + 199) / 200 + orders, orders, orders);

        int skus = Integer.getInteger("zalando.sim.skus", 10_000);
        Map<String, Integer> quantities = new TreeMap<>();
        for (int i = 0; i < skus; i++) {
            quantities.put(String.format("40%011d", i), 5);
        }
        SetStock command = TestStockCommands.set(connection, quantities);
        before = new TreeMap<>(sim.requestLog().counts());
        start = System.nanoTime();
        TestStockCommands.send(command);
        String last = String.format("40%011d", skus - 1);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> sim.store().stock(sim.config().salesChannelId(), last) == 5);
        long stockMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("=== SetStock of %d EANs in 1 sales channel ===%n", skus);
        System.out.printf("calls %s, wall %d ms until applied; floor %d calls (1000 a request), %d minute"
                + " boundaries (2000 updates a minute)%n", delta(before), stockMillis, (skus + 999) / 1000,
                (skus - 1) / 2000);
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

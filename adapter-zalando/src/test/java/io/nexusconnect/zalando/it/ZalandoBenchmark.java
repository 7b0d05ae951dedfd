package io.nexusconnect.zalando.it;

import io.nexusconnect.adapterkit.testkit.BenchRun;
import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestStockCommands;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.zalando.ZalandoSimConfig;
import io.nexusconnect.sims.zalando.ZalandoSimulator;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.bench.BenchResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

/**
 * P1 and P4 of {@code ./nexus bench} for Zalando, through the real adapter and broker against the documented limits on
 * both sides, in real time: a first sync of {@code zalando.sim.orders} orders (1,000; 200 quick: import and export)
 * and a SetStock of {@code zalando.sim.skus} EANs (10,000; 1,000 quick) in one sales channel. Records a row each
 * (calls per operation next to the fewest the API allows, wall time next to the floor, 429s) and prints it. Figures
 * are recorded, never asserted. The full stock push takes four minutes or more: 2,000 stock updates a calendar minute.
 * Run by the module's {@code bench} profile only.
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
        SyncCompleted[] done = new SyncCompleted[1];
        BenchRun sync = BenchRun.measure(sim.requestLog()::countsByStatus, () -> done[0] = TestCycles.completed(
                TestCycles.run(TestCycles.request(connection, SyncMode.FULL, Map.of(), Set.of(SyncScope.ORDERS)))));
        int orders = sim.store().orders().size();
        ZalandoSimConfig limits = sim.config();
        // page 0 of the unexported orders until it is empty (200 a page), one PATCH per order to export it
        long pages = (orders + 199) / 200 + 1;
        System.out.printf("%n=== Zalando first sync: %d orders, %s, %s ===%n", orders, done[0].outcome(),
                done[0].counts());
        BenchResult.of("P1", "zalando", String.format("first sync, %,d orders (import and export)", orders))
                .calls(sync.calls()).callsFloor(1 + pages + orders).wallSeconds(sync.realSeconds(1))
                .floorSeconds(Math.max(minuteFloorSeconds(pages, limits.getOrdersPerMinute()),
                        minuteFloorSeconds(orders, limits.patchesPerMinute())))
                .throttled(sync.throttled()).figure("orders", orders)
                .notes(String.format("floor: 1 token + ceil(%d/200) + 1 empty getOrders (%d/min) + %d patchOrder"
                        + " exports (%d/min), all within one minute's allowance, so no wait: the wall is the adapter's"
                        + " work, chiefly one PATCH per order in turn (zDirect has no bulk export)", orders,
                        limits.getOrdersPerMinute(), orders, limits.patchesPerMinute()))
                .record();

        int skus = BenchRun.size("zalando.sim.skus", 10_000, 1_000);
        Map<String, Integer> quantities = new TreeMap<>();
        for (int i = 0; i < skus; i++) {
            quantities.put(String.format("40%011d", i), 5);
        }
        SetStock command = TestStockCommands.set(connection, quantities);
        String last = String.format("40%011d", skus - 1);
        BenchRun stock = BenchRun.measure(sim.requestLog()::countsByStatus, () -> {
            TestStockCommands.send(command);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> sim.store().stock(sim.config().salesChannelId(), last) == 5);
        });
        long requests = (skus + limits.maxStockItemsPerRequest() - 1) / limits.maxStockItemsPerRequest();
        System.out.printf("=== SetStock of %d EANs in 1 sales channel ===%n", skus);
        BenchResult.of("P4", "zalando", String.format("SetStock, %,d SKUs (1 sales channel)", skus))
                .calls(stock.calls()).callsFloor(requests).wallSeconds(stock.realSeconds(1))
                .floorSeconds(Math.max(minuteFloorSeconds(requests, limits.stockRequestsPerMinute()),
                        minuteFloorSeconds(skus, limits.stockUpdatesPerMinute())))
                .throttled(stock.throttled()).figure("skus", skus)
                .notes(String.format("floor: ceil(SKUs/%d) postStocks; %d stock updates a calendar minute: k minutes'"
                        + " allowance wait for k-1 minute boundaries, (k-2) x 60 s if the push starts at a minute's"
                        + " very end, up to 60 s more otherwise",
                        limits.maxStockItemsPerRequest(), limits.stockUpdatesPerMinute()))
                .record();
    }

    /**
     * The least time {@code units} take under a per-minute allowance that zDirect renews at each calendar minute's
     * start (refused until the next minute, not refilled evenly): k minutes' allowances need k − 1 minute boundaries,
     * and the first may come at once, so (k − 2) whole minutes; up to one more, depending on when in the minute it
     * starts.
     */
    private static double minuteFloorSeconds(long units, int perMinute) {
        return Math.max(0, (units + perMinute - 1) / perMinute - 2) * 60.0;
    }
}

package io.nexusconnect.bol.it;

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
import io.nexusconnect.sims.bol.BolSimConfig;
import io.nexusconnect.sims.bol.BolSimulator;
import io.nexusconnect.sims.bol.BolStore;
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
 * P1 and P4 of {@code ./nexus bench} for bol, through the real adapter and broker against the published limits on both
 * sides (run {@code bol.sim.speed-factor} times faster, figures scaled back to real bol seconds): a first sync of
 * {@code bol.sim.orders} orders (1,000; 200 quick) and a SetStock of every offer ({@code bol.sim.offers}: 10,000;
 * 1,000 quick). Records a row each (calls per operation next to the fewest the API allows, wall time next to the
 * bucket floor, 429s) and prints it. Figures are recorded, never asserted. Run by the module's {@code bench} profile.
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
        SyncCompleted[] done = new SyncCompleted[1];
        BenchRun sync = BenchRun.measure(sim.requestLog()::countsByStatus, () -> done[0] = TestCycles.completed(
                TestCycles.run(TestCycles.request(connection, SyncMode.FULL, Map.of(), Set.of(SyncScope.ORDERS)))));
        long open = sim.store().orders().stream().filter(o -> o.items().stream().anyMatch(BolStore.Item::open))
                .count();
        // the listing (50 a page, until the first empty page) names the open orders; each is read once (get-order)
        long pages = (open + 49) / 50 + 1;
        double floor = Math.max(floorSeconds("get-orders", pages), floorSeconds("get-order", open));
        int orders = sim.store().orders().size();
        System.out.printf("%n=== bol first sync: %d orders, %d open, %s, %s ===%n", orders, open,
                done[0].outcome(), done[0].counts());
        BenchResult.of("P1", "bol", String.format("first sync, %,d orders (%,d open)", orders, open))
                .calls(sync.calls()).callsFloor(1 + pages + open).wallSeconds(sync.realSeconds(BolSimResource.SPEED))
                .floorSeconds(floor).throttled(sync.throttled())
                .figure("orders", orders).figure("openOrders", open)
                .figure("speedFactor", BolSimResource.SPEED).figure("measuredWallSeconds", sync.realSeconds(1))
                .notes(String.format("floor: 1 token + %d get-orders pages (25/min, within the burst) + 1 get-order per"
                        + " open order (25/s), read one after the other; run %.0fx faster and scaled back, so the"
                        + " adapter's own time per call (JVM's first cycle, a loaded machine) counts %.0fx too", pages,
                        BolSimResource.SPEED, BolSimResource.SPEED))
                .record();

        Map<String, Integer> quantities = new TreeMap<>();
        sim.store().offers().forEach(o -> quantities.put(o.reference(), 5));
        SetStock command = TestStockCommands.set(connection, quantities);
        BenchRun stock = BenchRun.measure(sim.requestLog()::countsByStatus, () -> {
            TestStockCommands.send(command);
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> sim.store().offers().stream().allMatch(o -> o.stock() == 5));
        });
        int skus = quantities.size();
        // v10 has no bulk stock call: one PUT per offer; the offer ids come from one export (request, status,
        // download); the process statuses are read in bulk, 1,000 ids a call, once at the floor
        long stockCallsFloor = skus + 3 + (skus + 999) / 1000;
        System.out.printf("=== SetStock of %d SKUs (bol: one PUT per offer) ===%n", skus);
        BenchResult.of("P4", "bol", String.format("SetStock, %,d SKUs", skus))
                .calls(stock.calls()).callsFloor(stockCallsFloor)
                .wallSeconds(stock.realSeconds(BolSimResource.SPEED))
                .floorSeconds(floorSeconds("update-offer-stock", skus)).throttled(stock.throttled())
                .figure("skus", skus).figure("speedFactor", BolSimResource.SPEED)
                .figure("measuredWallSeconds", stock.realSeconds(1))
                .notes(String.format("floor: %,d PUT stock (no bulk call in v10) at 25/s + 1 export (3 calls) +"
                        + " ceil(SKUs/1000) bulk process-status calls a round; PUTs one after the other, paced at"
                        + " exactly the rate (the 429s: a burst's worth, retried after Retry-After); run %.0fx faster"
                        + " and scaled back, so the adapter's time per call counts %.0fx too", skus,
                        BolSimResource.SPEED, BolSimResource.SPEED))
                .record();
    }

    /** The least real time {@code calls} of {@code operation} take at bol's published limit (a full bucket first). */
    private static double floorSeconds(String operation, long calls) {
        BolSimConfig.Limit published = BolSimConfig.publishedLimits().get(operation);
        return BenchRun.bucketFloorSeconds(calls, published.perSecond(), published.requests());
    }
}

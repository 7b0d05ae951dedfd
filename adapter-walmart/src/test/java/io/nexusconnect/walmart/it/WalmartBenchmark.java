package io.nexusconnect.walmart.it;

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
import io.nexusconnect.sims.walmart.WalmartSimConfig;
import io.nexusconnect.sims.walmart.WalmartSimulator;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.bench.BenchResult;
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
 * P1 and P4 of {@code ./nexus bench} for Walmart, through the real adapter and broker against the simulator's default
 * (documented-order) buckets, both sides in real time: a first sync of {@code walmart.sim.orders} orders (1,000; 200
 * quick) and a SetStock of {@code walmart.sim.items} SKUs (10,000; 1,000 quick). Records a row each (calls per
 * operation next to the fewest the API allows, wall time next to the bucket floor, 429s) and prints it. Figures are
 * recorded, never asserted. Run by the module's {@code bench} profile only.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = WalmartSimResource.class, restrictToAnnotatedClass = false)
class WalmartBenchmark {
    WalmartSimulator sim;

    @Test
    void firstSyncAndBulkStock() {
        // the first sync without acknowledgements: at 20 a minute they would dominate; their floor is a figure apart
        ConnectionSnapshot connection = TestConnections.of(Marketplace.WALMART)
                .secret("clientId", WalmartSimulator.DEMO.clientId())
                .secret("clientSecret", WalmartSimulator.DEMO.clientSecret())
                .property("acknowledgeOrders", "false").build();
        SyncCompleted[] done = new SyncCompleted[1];
        BenchRun sync = BenchRun.measure(sim.requestLog()::countsByStatus, () -> done[0] = TestCycles.completed(
                TestCycles.run(TestCycles.request(connection, SyncMode.FULL, Map.of(), Set.of(SyncScope.ORDERS)))));
        int orders = sim.store().orders().size();
        long created = sim.store().orders().stream().filter(o -> o.allLines("Created")).count();
        long pages = (orders + 199) / 200; // limit ≤ 200 (orders.json getAllOrders)
        WalmartSimConfig.Bucket listing = bucket(WalmartSimulator.GET_ORDERS);
        WalmartSimConfig.Bucket acknowledging = bucket(WalmartSimulator.ACKNOWLEDGE);
        System.out.printf("%n=== Walmart first sync: %d orders, %s, %s ===%n", orders, done[0].outcome(),
                done[0].counts());
        BenchResult.of("P1", "walmart", String.format("first sync, %,d orders", orders))
                .calls(sync.calls()).callsFloor(1 + pages).wallSeconds(sync.realSeconds(1))
                .floorSeconds(BenchRun.bucketFloorSeconds(pages, listing.perSecond(), listing.burst()))
                .throttled(sync.throttled())
                .figure("orders", orders)
                .figure("createdOrders", created)
                .figure("acknowledgeFloorSeconds", BenchRun.bucketFloorSeconds(created,
                        acknowledging.perSecond(), acknowledging.burst()))
                .notes(String.format("floor: 1 token + ceil(%d/200) getAllOrders, within the burst of %d;"
                        + " acknowledging the %d Created orders is left out (1 call each at 20/min: floor in"
                        + " acknowledgeFloorSeconds); the adapter's first cycle after start (JIT, Kafka producer)",
                        orders, listing.burst(), created))
                .record();

        // one inventory feed for all SKUs
        int skus = WalmartSimResource.ITEMS;
        Map<String, Integer> quantities = new TreeMap<>();
        IntStream.rangeClosed(1, skus).forEach(i -> quantities.put(String.format("WM-SKU-%05d", i), 5));
        SetStock command = TestStockCommands.set(connection, quantities);
        String last = String.format("WM-SKU-%05d", skus);
        BenchRun stock = BenchRun.measure(sim.requestLog()::countsByStatus, () -> {
            TestStockCommands.send(command);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> sim.store().item(last).orElseThrow().quantity == 5);
        });
        double processing = sim.config().feedProcessing().toNanos() / 1e9;
        System.out.printf("=== SetStock of %d SKUs (%d known to the simulator) ===%n", skus,
                sim.store().items().size());
        BenchResult.of("P4", "walmart", String.format("SetStock, %,d SKUs", skus))
                .calls(stock.calls()).callsFloor(2).wallSeconds(stock.realSeconds(1)).floorSeconds(processing)
                .throttled(stock.throttled())
                .figure("skus", skus)
                .figure("feedPollSeconds", WalmartSimResource.FEED_POLL.toNanos() / 1e9)
                .notes(String.format("floor: 1 submitFeed + 1 getFeedItemStatus (feeds take any size), and the"
                        + " simulator's %.0f s of feed processing; wall ends when the last SKU is applied", processing))
                .record();
    }

    private WalmartSimConfig.Bucket bucket(String operation) {
        return sim.config().buckets().get(operation);
    }
}

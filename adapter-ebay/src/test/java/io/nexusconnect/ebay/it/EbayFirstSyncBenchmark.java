package io.nexusconnect.ebay.it;

import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.bench.BenchResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P1: a first sync (30-day lookback) of {@code ebay.sim.orders} orders (1,000 with -Pbench, 200 with
 * {@code NEXUS_BENCH_QUICK=1}) and {@code ebay.sim.items} inventory items against the eBay simulator, through the real adapter and broker: prints the calls per operation, the floor (the fewest
 * calls the APIs allow: one token, ⌈orders / 200⌉ getOrders, ⌈items / 200⌉ getInventoryItems, one getOffers per SKU),
 * their share of the documented daily quotas, and the wall time of the orders step alone and of the whole cycle.
 * eBay documents no per-second limit, so the time floor is network latency only. Figures are printed, never asserted;
 * the orders step is recorded as the P1 row of {@code ./nexus bench}. Not part of {@code verify} (README).
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EbaySimResource.class, restrictToAnnotatedClass = false)
class EbayFirstSyncBenchmark {
    EbaySimulator sim;

    @Test
    void firstSync() {
        Cycles.completed(Cycles.run(Cycles.request(Cycles.demoConnection(), SyncMode.FULL, Map.of(),
                Set.of(SyncScope.ORDERS)))); // warm-up: JIT, connections, topics
        int orders = sim.orders().size();
        int items = sim.items().size();

        Measured ordersOnly = measure(Set.of(SyncScope.ORDERS));
        Measured whole = measure(Set.of(SyncScope.ORDERS, SyncScope.PRODUCTS, SyncScope.INVENTORY));

        long ordersFloor = 1 + (orders + 199) / 200;
        long wholeFloor = ordersFloor + (items + 199) / 200 + items;
        System.out.printf("%n=== eBay first sync: %d orders (30 days), %d inventory items ===%n", orders, items);
        print("orders step only", ordersOnly, ordersFloor);
        print("whole cycle (orders, products, inventory)", whole, wholeFloor);
        BenchResult.of("P1", "ebay", String.format("%,d orders, 30d lookback", orders)).calls(ordersOnly.calls())
                .callsFloor(ordersFloor).wallSeconds(ordersOnly.wall().toMillis() / 1000.0)
                .throttled(ordersOnly.throttled())
                .figure("wholeCycleCalls", whole.calls().values().stream().mapToLong(Long::longValue).sum())
                .figure("wholeCycleCallsFloor", wholeFloor).figure("wholeCycleWallSeconds", whole.wall().toMillis() / 1000.0)
                .figure("inventoryItems", items)
                .notes("eBay documents daily quotas only (no per-second limit), so there is no time floor; wall is "
                        + "latency and publishing")
                .record();
        long fulfillment = whole.calls().getOrDefault("getOrders", 0L);
        long inventory = whole.calls().getOrDefault("getInventoryItems", 0L) + whole.calls().getOrDefault("getOffers", 0L);
        System.out.printf("daily quota share per cycle: Fulfillment %d / %d, Inventory %d / %d (simulator defaults)%n",
                fulfillment, sim.config().dailyLimit(EbayApi.FULFILLMENT), inventory,
                sim.config().dailyLimit(EbayApi.INVENTORY));
        assertThat(whole.completed().outcome()).isEqualTo(SyncOutcome.SUCCESS);
    }

    private record Measured(SyncCompleted completed, Map<String, Long> calls, Duration wall, long throttled) {
    }

    /** A full cycle of a new connection (so the token is fetched too): calls by operation and wall time. */
    private Measured measure(Set<SyncScope> scopes) {
        ConnectionSnapshot connection = Cycles.demoConnection();
        Map<String, Long> before = new TreeMap<>(sim.requestLog().counts());
        long throttledBefore = throttled();
        long start = System.nanoTime();
        SyncCompleted completed = Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.FULL, Map.of(),
                scopes)));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> calls = new TreeMap<>();
        sim.requestLog().counts().forEach((op, n) -> {
            long delta = n - before.getOrDefault(op, 0L);
            if (delta > 0) {
                calls.put(op, delta);
            }
        });
        return new Measured(completed, calls, wall, throttled() - throttledBefore);
    }

    /** Answers 429 so far, over every operation. */
    private long throttled() {
        return sim.requestLog().countsByStatus().entrySet().stream().filter(e -> e.getKey().endsWith(" 429"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static void print(String name, Measured measured, long floor) {
        long total = measured.calls().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%-45s calls %s = %d (floor %d, ratio %.2f), wall %d ms, outcome %s, %s%n", name,
                measured.calls(), total, floor, (double) total / floor, measured.wall().toMillis(),
                measured.completed().outcome(), measured.completed().counts());
    }
}

package io.nexusconnect.kaufland.it;

import io.nexusconnect.adapterkit.testkit.BenchRun;
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
import io.nexusconnect.testinfra.bench.BenchResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * P1 and P4 of {@code ./nexus bench} for Kaufland, through the real adapter and broker against the simulator's
 * per-seller rate (111 requests/s, both sides in real time): a first sync of {@code kaufland.sim.orders} orders (1,000;
 * 200 quick) on three storefronts, and a SetStock of {@code kaufland.sim.skus} SKUs (10,000; 1,000 quick). Records a
 * row each (calls per operation next to the fewest the API allows, wall time next to those calls at the documented
 * rate, 429s) and prints it. Figures are recorded, never asserted. Run by the module's {@code bench} profile only.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KauflandSimResource.class, restrictToAnnotatedClass = false)
class KauflandBenchmark {
    KauflandSimulator sim;

    @Test
    void firstSyncAndSetStock() {
        TestCycles.completed(TestCycles.run(TestCycles.request(KauflandSyncTest.demoConnection(), SyncMode.FULL,
                Map.of(), Set.of(SyncScope.ORDERS)))); // warm-up: JIT, connections, topics

        Map<String, List<OrderUnit>> unitsByStorefront = sim.store().orderUnits().stream()
                .collect(Collectors.groupingBy(OrderUnit::storefront));
        // limit ≤ 100 per page (spec getOrderUnits), one walk per storefront
        long orderPagesFloor = unitsByStorefront.values().stream().mapToLong(u -> (u.size() + 99) / 100).sum();
        long orders = sim.store().orderUnits().stream().map(OrderUnit::idOrder).distinct().count();
        SyncCompleted[] completed = new SyncCompleted[1];
        BenchRun sync = BenchRun.measure(sim.requestLog()::countsByStatus, () -> completed[0] = TestCycles.completed(
                TestCycles.run(TestCycles.request(KauflandSyncTest.demoConnection(), SyncMode.FULL, Map.of(),
                        Set.of(SyncScope.ORDERS)))));
        System.out.printf("%n=== Kaufland first sync: %d orders, %d order units on 3 storefronts; %s %s ===%n", orders,
                sim.store().orderUnits().size(), completed[0].counts(), completed[0].outcome());
        row("P1", String.format("first sync, %,d orders", orders), sync, orderPagesFloor, String.format(
                "floor: ceil(units/100) getOrderUnits per storefront (%d order units on 3), at 111/s per seller; the"
                + " wall above it is the adapter's work (grouping, mapping, publishing, Kafka acknowledgements)",
                sim.store().orderUnits().size())).figure("orders", orders).record();

        List<Unit> units = sim.store().units();
        Map<String, Long> perStorefront = units.stream().collect(Collectors.groupingBy(Unit::storefront,
                Collectors.counting()));
        // the storefront's unit list (100 a page), then bulk updates of at most 150 units (spec bulkUpdateUnits)
        long stockFloor = perStorefront.values().stream().mapToLong(n -> (n + 99) / 100 + (n + 149) / 150).sum();
        ConnectionSnapshot connection = KauflandSyncTest.demoConnection();
        List<SetStock.Item> items = units.stream().map(u -> new SetStock.Item(u.idOffer(), u.amount() + 1,
                u.amount() + 1, 10)).toList();
        SetStock command = new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(),
                Marketplace.KAUFLAND, items, Instant.now(), connection);
        BenchRun stock = BenchRun.measure(sim.requestLog()::countsByStatus, () -> {
            KafkaTestClient.publish(Topics.stockCommands(Marketplace.KAUFLAND), command);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> units.stream()
                    .allMatch(u -> sim.store().unit(u.idUnit()).orElseThrow().amount() == u.amount() + 1));
        });
        System.out.printf("=== Kaufland SetStock: %d SKUs on 3 storefronts ===%n", units.size());
        row("P4", String.format("SetStock, %,d SKUs", units.size()), stock, stockFloor, "floor: per storefront"
                + " ceil(units/100) GET units + ceil(units/150) bulkUpdateUnits, at 111/s per seller (a second's"
                + " burst first); the wall above it is the adapter's and simulator's work on every unit page and bulk"
                + " body, not the rate")
                .figure("skus", units.size()).record();
        assertThat(completed[0].outcome()).isEqualTo(SyncOutcome.SUCCESS);
    }

    private BenchResult.Builder row(String suite, String scenario, BenchRun run, long callsFloor, String notes) {
        double rate = sim.config().requestsPerSecond(); // the simulator's bucket: burst = one second's rate
        return BenchResult.of(suite, "kaufland", scenario).calls(run.calls()).callsFloor(callsFloor)
                .wallSeconds(run.realSeconds(1)).floorSeconds(BenchRun.bucketFloorSeconds(callsFloor, rate,
                        Math.ceil(rate))).throttled(run.throttled()).notes(notes);
    }
}

package io.nexusconnect.amazon.it;

import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.amazon.reports.ReportsApi;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.bench.BenchResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first sync of 10,000 and 50,000 orders over a year through order tracking reports, end to end (Kafka request →
 * adapter → simulator → Kafka), against the getOrderItems floor the Orders API path cannot go below:
 * (orders − 30) / 0.5 s. The simulator prepares a report in 2 minutes (its processing delay); rates and that delay
 * are sped up by the speed factor on both sides, and times are scaled back to real seconds. Cycles run back to back
 * from the returned cursors until one succeeds (the cycle deadline is the production 30 minutes / speed factor).
 * Prints calls per operation, wall time, the floor and the ratio, and records a P1 row per size. Long (about 5 minutes
 * of test time): not in the {@code bench} profile's selection, run it by {@code -Dtest=ReportsBackfillBenchmark} (README).
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class ReportsBackfillBenchmark {
    static final List<String> OPERATIONS = List.of("createReport", "getReport", "getReportDocument",
            "downloadFeedDocument", "getOrders", "getOrderItems");

    AmazonSimulator sim;

    @Test
    void firstSyncThroughReports() throws InterruptedException {
        double speed = AmazonSimResource.SPEED;
        List<String> lines = new ArrayList<>();
        lines.add(String.format("speed factor %.0f; report processing delay %d s (simulator)", speed,
                ReportsApi.DEFAULT_PROCESSING_DELAY.toSeconds()));
        lines.add("| orders | lookback | cycles | calls per operation | wall s | getOrderItems floor s | floor / wall | throttled |");
        lines.add("|---|---|---|---|---|---|---|---|");
        run(2_000, speed); // warm-up (JIT, Kafka clients, LWA token); not reported
        for (int orders : List.of(10_000, 50_000)) {
            lines.add(run(orders, speed));
            System.out.println(lines.getLast());
        }
        System.out.println("\n=== first sync through reports ===\n" + String.join("\n", lines) + "\n");
    }

    private String run(int orderCount, double speed) throws InterruptedException {
        // given a seller with this many orders spread over a year, and full buckets on both sides
        sim.reseed(orderCount, OrderLookback.ONE_YEAR.duration());
        sim.resetRateLimits();
        Thread.sleep((long) (15 / 0.0167 / speed * 1000) + 500);
        sim.requestLog().reset();
        ConnectionSnapshot connection = Cycles.demoConnection();

        // when cycles run back to back from the returned cursors until one succeeds
        SyncRequested request = TestCycles.request(connection, SyncMode.FULL, Map.of(), Set.of(SyncScope.ORDERS),
                OrderLookback.ONE_YEAR, SyncTrigger.MANUAL);
        int cycles = 0;
        Instant started = null;
        long published = 0;
        SyncCompleted completed;
        while (true) {
            completed = Cycles.completed(Cycles.run(request));
            started = started == null ? completed.startedAt() : started;
            published += completed.counts().orders();
            cycles++;
            if (completed.outcome() == SyncOutcome.SUCCESS) {
                break;
            }
            assertThat(completed.error().code().name()).as("only the deadline may stop a cycle").isEqualTo("TIMEOUT");
            request = TestCycles.request(connection, SyncMode.INCREMENTAL, completed.cursors(), Set.of(SyncScope.ORDERS),
                    OrderLookback.ONE_YEAR, SyncTrigger.MANUAL);
        }
        double real = Duration.between(started, completed.finishedAt()).toMillis() / 1000.0;
        double wall = real * speed;

        // then every order came, and the calls are set against the floor of the Orders API path
        long orders = sim.orders().size();
        assertThat(published).isGreaterThanOrEqualTo(orders);
        double floor = OrdersFloorBenchmark.secondsBeyondBurst(orders, OrdersFloorBenchmark.ITEMS_RATE,
                OrdersFloorBenchmark.ITEMS_BURST);
        Map<String, Long> calls = new TreeMap<>();
        // every answer but throttling counts (createReport answers 202)
        OPERATIONS.forEach(op -> calls.put(op, sim.requestLog().count(op) - sim.requestLog().count(op, 429)));
        Map<String, Long> throttled = new TreeMap<>();
        sim.requestLog().countsByStatus().forEach((key, n) -> {
            if (key.endsWith(" 429")) {
                throttled.put(key.substring(0, key.length() - 4), n);
            }
        });
        StringBuilder perOperation = new StringBuilder();
        OPERATIONS.forEach(op -> perOperation.append(perOperation.isEmpty() ? "" : ", ").append(op).append(' ')
                .append(calls.get(op)));
        BenchResult.of("P1", "amazon", String.format("%,d orders, 1y lookback, order reports", orders)).calls(calls)
                .callsFloor(Math.max(1, (orders + OrdersFloorBenchmark.PAGE - 1) / OrdersFloorBenchmark.PAGE) + orders)
                .wallSeconds(wall).floorSeconds(floor)
                .throttled(throttled.values().stream().mapToLong(Long::longValue).sum())
                .figure("cycles", cycles).figure("realSeconds", real).figure("speedFactor", speed)
                .notes("calls and time floor are the Orders API path's (a getOrderItems per order); reports need far fewer")
                .record();
        return String.format("| %,d | 1y | %d | %s | %.0f (%.1f real) | %,.0f | %.1f× | %s |", orders, cycles,
                perOperation, wall, real, floor, floor / wall, throttled.isEmpty() ? "0" : throttled);
    }
}

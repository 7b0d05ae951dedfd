package io.nexusconnect.amazon.it;

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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P1: the orders step of a first sync against the simulator, end to end (Kafka request → adapter → simulator → Kafka),
 * for 1,000 orders over 30 days and over a year (200 with {@code NEXUS_BENCH_QUICK=1}; another count with
 * {@code -Damazon.bench.orders=5000}). Each scenario starts with full token buckets on both sides, like a first sync,
 * and runs cycles back to back with the returned cursors until one succeeds; the cycle deadline is the production
 * 30 minutes divided by the speed factor, so a long backfill crosses cycles on its checkpoints. The adapter picks its
 * path: a year whose probe estimates more than 1,000 getOrderItems calls goes through order reports, and the row says
 * so, with that path's floor (the Orders API path's is a figure beside it). Prints calls per operation, the floor of
 * the calls the data needs, wall time, ratio and throttled calls, and records each scenario as a row of
 * {@code ./nexus bench}. Run with {@code -Pbench} (README); not part of verify.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class OrdersFloorBenchmark {
    /** Documented usage plans (ordersV0.json): rate per second and burst. */
    static final double ORDERS_RATE = 0.0167;
    static final int ORDERS_BURST = 20;
    static final double ITEMS_RATE = 0.5;
    static final int ITEMS_BURST = 30;
    static final int PAGE = 100;

    AmazonSimulator sim;

    record Scenario(int orders, OrderLookback lookback) {
    }

    @Test
    void ordersAtTheFloor() throws InterruptedException {
        double speed = AmazonSimResource.SPEED;
        List<String> lines = new ArrayList<>();
        lines.add(String.format("speed factor %.0f (rates ×%.0f on both sides; times below are scaled back to real seconds)", speed, speed));
        lines.add("| orders | lookback | path | cycles | getOrders (min) | getOrderItems (min) | floor s | wall s | ratio | throttled |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|");
        run(new Scenario(50, OrderLookback.SEVEN_DAYS), speed, false); // warm-up (JIT, Kafka clients, LWA token)
        int orders = "1".equals(System.getenv("NEXUS_BENCH_QUICK")) ? 200 : Integer.getInteger("amazon.bench.orders", 1000);
        for (Scenario scenario : List.of(new Scenario(orders, OrderLookback.THIRTY_DAYS),
                new Scenario(orders, OrderLookback.ONE_YEAR))) {
            lines.add(run(scenario, speed, true));
            System.out.println(lines.getLast());
        }
        System.out.println("\n=== orders at the floor ===\n" + String.join("\n", lines) + "\n");
    }

    private String run(Scenario scenario, double speed, boolean record) throws InterruptedException {
        // given the seller's data for this scenario and full buckets on both sides
        sim.reseed(scenario.orders(), scenario.lookback().duration());
        sim.resetRateLimits();
        Thread.sleep(refillMillis(speed));
        sim.requestLog().reset();
        ConnectionSnapshot connection = Cycles.demoConnection();

        // when cycles run back to back from the returned cursors until one succeeds (wall time by the adapter's own
        // clock: first cycle's start to last cycle's end, so the harness's reading of the events is not counted, but
        // the gaps between cycles are)
        SyncRequested request = request(connection, SyncMode.FULL, Map.of(), scenario.lookback());
        int cycles = 0;
        long published = 0;
        Instant started = null;
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
            request = request(connection, SyncMode.INCREMENTAL, completed.cursors(), scenario.lookback());
        }
        double wall = Duration.between(started, completed.finishedAt()).toMillis() / 1000.0 * speed;

        // then report the calls against the floor of what the data needs
        long orders = sim.orders().size();
        long minOrdersCalls = Math.max(1, (orders + PAGE - 1) / PAGE);
        double floor = Math.max(secondsBeyondBurst(minOrdersCalls, ORDERS_RATE, ORDERS_BURST),
                secondsBeyondBurst(orders, ITEMS_RATE, ITEMS_BURST));
        long ordersCalls = sim.requestLog().count("getOrders", 200);
        long itemsCalls = sim.requestLog().count("getOrderItems", 200);
        Map<String, Long> throttled = new java.util.TreeMap<>();
        sim.requestLog().countsByStatus().forEach((key, n) -> {
            if (key.endsWith(" 429")) {
                throttled.put(key.substring(0, key.length() - 4), n);
            }
        });
        // every answer but throttling counts (createReport answers 202): a probe estimating more than 1,000
        // getOrderItems calls sends the backfill through order reports instead (BEHAVIOR.md)
        Map<String, Long> calls = new java.util.TreeMap<>();
        sim.requestLog().counts().forEach((op, n) -> calls.put(op, n - sim.requestLog().count(op, 429)));
        boolean reports = calls.getOrDefault("createReport", 0L) > 0;
        String path = reports ? "order reports" : "Orders API";
        assertThat(published).as("orders published by the cycles").isGreaterThanOrEqualTo(orders);
        // the reports path's own floor: a token, the probe, then per 30-day window createReport, getReport,
        // getReportDocument and the download; the windows are created within createReport's burst (15), so the
        // reports are prepared side by side in one processing delay
        long windows = (scenario.lookback().duration().toDays() + ReportsApi.MAX_WINDOW.toDays() - 1)
                / ReportsApi.MAX_WINDOW.toDays();
        long pathCallsFloor = reports ? 2 + 4 * windows : minOrdersCalls + orders + 1;
        double pathFloor = reports ? ReportsApi.DEFAULT_PROCESSING_DELAY.toSeconds() : floor;
        if (record) {
            BenchResult.of("P1", "amazon", String.format("%,d orders, %s lookback", orders, scenario.lookback().label()))
                    .calls(calls).callsFloor(pathCallsFloor).wallSeconds(wall).floorSeconds(pathFloor)
                    .throttled(throttled.values().stream().mapToLong(Long::longValue).sum())
                    .figure("cycles", cycles).figure("path", path).figure("ordersApiFloorSeconds", floor)
                    .figure("speedFactor", speed)
                    .notes((reports ? "the probe sent this backfill through " + windows + " order reports; floor = "
                            + "one report processing delay (simulator: 2 min)" : "floor = getOrderItems (0.5 rps, "
                            + "burst 30) for every order") + "; wall and floor in real seconds, run ×"
                            + Math.round(speed) + " faster")
                    .record();
        }
        return String.format("| %d | %s | %s | %d | %d (%d) | %d (%d) | %.0f | %.0f | %.3f | %s |", orders,
                scenario.lookback().label(), path, cycles, ordersCalls, minOrdersCalls, itemsCalls, orders, pathFloor, wall,
                wall / pathFloor, throttled.isEmpty() ? "0" : throttled);
    }

    private static SyncRequested request(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors,
                                         OrderLookback lookback) {
        return new SyncRequested(UUID.randomUUID(), connection.connectionId(), connection.tenantId(),
                connection.marketplace(), Set.of(SyncScope.ORDERS), mode, cursors, lookback, SyncTrigger.MANUAL, 1,
                Instant.now(), connection);
    }

    /** Time beyond the burst at the documented rate: the token-bucket floor of {@code calls} on one operation. */
    static double secondsBeyondBurst(long calls, double rate, int burst) {
        return Math.max(0, calls - burst) / rate;
    }

    /** Long enough for the adapter's buckets of this seller to be full again after the previous scenario. */
    private static long refillMillis(double speed) {
        return (long) (Math.max(ORDERS_BURST / ORDERS_RATE, ITEMS_BURST / ITEMS_RATE) / speed * 1000) + 500;
    }
}

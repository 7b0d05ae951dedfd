package io.nexusconnect.ebay.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.ebay.model.InventoryRecord;
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
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * P4: one SetStock of every seeded inventory item (10,000 with -Pbench, 1,000 with {@code NEXUS_BENCH_QUICK=1}) on
 * {@code nexus.stock-commands.ebay.v1}, as the orchestrator sends it, through the real adapter and broker to the
 * simulator: calls against the minimum bulkUpdatePriceQuantity allows (⌈SKUs / 25⌉ — its request type takes up to 25
 * requests, BEHAVIOR.md), wall time from the publish until the last SKU holds its new quantity, throttled calls and
 * the share of the Inventory API's daily quota. eBay documents daily quotas, not per-second limits, so there is no
 * time floor. Figures are printed and recorded, never asserted (only that every SKU got its quantity); not part of {@code verify} (README).
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EbaySimResource.class, restrictToAnnotatedClass = false)
class EbayStockPushBenchmark {
    /** bulkUpdatePriceQuantity: BulkPriceQuantity.requests holds up to 25 (sell_inventory_v1_oas3.json). */
    static final int PER_CALL = 25;

    EbaySimulator sim;

    @Test
    void stockPush() {
        ConnectionSnapshot connection = Cycles.demoConnection();
        List<InventoryRecord> items = sim.items();
        push(connection, items.subList(0, Math.min(items.size(), 2 * PER_CALL)), 1); // warm-up: token, JIT, consumer

        Map<String, Long> before = new TreeMap<>(sim.requestLog().counts());
        Map<String, Long> throttledBefore = throttled();
        double wall = push(connection, items, 7);
        Map<String, Long> calls = delta(before, sim.requestLog().counts());
        long throttled = delta(throttledBefore, throttled()).values().stream().mapToLong(Long::longValue).sum();
        long minimum = (items.size() + PER_CALL - 1) / PER_CALL;
        long bulkCalls = calls.getOrDefault("bulkUpdatePriceQuantity", 0L);
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        long quota = sim.config().dailyLimit(EbayApi.INVENTORY);

        System.out.printf("%n=== eBay stock push: one SetStock of %,d SKUs ===%n", items.size());
        System.out.printf("| calls per operation | calls | minimum | calls / minimum | wall s | throttled | daily quota share |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        System.out.printf("| %s | %d | %d | %.3f | %.1f | %d | %d / %,d |%n%n", calls, total, minimum,
                (double) total / minimum, wall, throttled, bulkCalls, quota);
        BenchResult.of("P4", "ebay", String.format("%,d SKUs, bulkUpdatePriceQuantity", items.size()))
                .calls(calls).callsFloor(minimum).wallSeconds(wall).throttled(throttled)
                .figure("skusPerCall", PER_CALL).figure("dailyQuotaShare", (double) bulkCalls / quota)
                .notes("eBay documents daily quotas only (no per-second limit), so there is no time floor; "
                        + "wall = publish until the last SKU holds its quantity")
                .record();
    }

    /** Publishes one command setting every item to its quantity + {@code delta}; seconds until the last is applied. */
    private double push(ConnectionSnapshot connection, List<InventoryRecord> items, int delta) {
        TreeMap<String, Integer> target = new TreeMap<>();
        items.forEach(item -> target.put(item.sku(), item.quantity() + delta));
        SetStock command = new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(),
                Marketplace.EBAY, target.entrySet().stream()
                .map(e -> new SetStock.Item(e.getKey(), e.getValue(), e.getValue(), 0)).toList(), Instant.now(),
                connection);
        long started = System.nanoTime();
        KafkaTestClient.publish(Topics.stockCommands(Marketplace.EBAY), command);
        // the writer sends the SKUs in the command's order: the last one set means every batch went out
        Map.Entry<String, Integer> last = target.lastEntry();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> sim.store().item(last.getKey()).orElseThrow().quantity() == last.getValue());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(target.entrySet().stream()
                .filter(e -> sim.store().item(e.getKey()).orElseThrow().quantity() != e.getValue()))
                .as("SKUs without their new quantity").isEmpty();
        return seconds;
    }

    private Map<String, Long> throttled() {
        Map<String, Long> throttled = new TreeMap<>();
        sim.requestLog().countsByStatus().forEach((key, n) -> {
            if (key.endsWith(" 429")) {
                throttled.put(key, n);
            }
        });
        return throttled;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((op, n) -> {
            long d = n - before.getOrDefault(op, 0L);
            if (d > 0) {
                delta.put(op, d);
            }
        });
        return delta;
    }
}

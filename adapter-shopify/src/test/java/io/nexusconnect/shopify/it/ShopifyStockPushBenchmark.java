package io.nexusconnect.shopify.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.shopify.client.AdminApiClient;
import io.nexusconnect.shopify.client.Queries;
import io.nexusconnect.shopify.config.ShopifyConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimVariant;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.bench.BenchResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
 * P4: one SetStock of 10,000 SKUs (1,000 with {@code NEXUS_BENCH_QUICK=1}) on {@code nexus.stock-commands.shopify.v1},
 * as the orchestrator sends it, through the real adapter and broker to the simulator with the Standard plan's bucket
 * (2,000 points, 100 points/s, sped up by {@code -Dshopify.sim.speed}; times are scaled back to Shopify seconds).
 * Prints and records the calls per operation against the fewest the API allows (shop, locations, SKU lookups of up to
 * as many variants as a 1,000-point query holds, {@code inventorySetQuantities} of up to {@value #QUANTITIES_PER_CALL}
 * quantities), the wall time against the bucket's floor for the cost the calls were charged, and THROTTLED answers.
 * Figures are never asserted (only that every SKU got its quantity); not part of {@code verify} (README).
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ShopifySimResource.class, restrictToAnnotatedClass = false)
class ShopifyStockPushBenchmark {
    /** Standard plan (https://shopify.dev/docs/api/usage/rate-limits): bucket and restore rate, points. */
    static final double BUCKET = 2000;
    static final double RESTORE_RATE = 100;
    /**
     * The reference gives inventorySetQuantities no per-call maximum; 250, the largest page of a connection, is the
     * ceiling assumed here (BEHAVIOR.md, uncertain).
     */
    static final int QUANTITIES_PER_CALL = 250;
    private static final long MAIN_WAREHOUSE = 71001;

    ShopifySimulator sim;
    @Inject
    AdminApiClient api;
    @Inject
    ShopifyConfig config;

    @Test
    void stockPush() throws InterruptedException {
        int skus = "1".equals(System.getenv("NEXUS_BENCH_QUICK")) ? 1_000 : 10_000;
        double speed = ShopifySimResource.SPEED;
        List<SimVariant> variants = sim.store().products().stream().flatMap(p -> p.variants().stream())
                .filter(v -> v.stockedAt(MAIN_WAREHOUSE)).limit(skus).toList();
        assertThat(variants).as("variants the simulator seeded (-Dshopify.sim.products)").hasSize(skus);
        ConnectionSnapshot connection = Cycles.demoConnection();
        push(connection, variants.subList(0, 20), 1); // warm-up: consumer, JIT, connections
        Thread.sleep((long) (BUCKET / (RESTORE_RATE * speed) * 1000) + 200); // the bucket is full again

        Map<String, Long> before = sim.requestLog().counts();
        AdminApiClient.Stats statsBefore = api.stats();
        double wall = push(connection, variants, 7) * speed;
        AdminApiClient.Stats stats = api.stats();
        Map<String, Long> calls = new TreeMap<>();
        sim.requestLog().counts().forEach((op, n) -> {
            long d = n - before.getOrDefault(op, 0L);
            if (d > 0 && !op.endsWith(":throttled")) {
                calls.put(op, d);
            }
        });
        long throttled = stats.throttled() - statsBefore.throttled();
        long actualCost = stats.actualCost() - statsBefore.actualCost();
        double floor = Math.max(0, actualCost - BUCKET) / RESTORE_RATE;
        int lookupsPerCall = (config.cost().maxSingleQueryCost() - Queries.variantsBySkuCost(0)) / Queries.VARIANT_COST;
        long minimum = 2 + ceil(skus, lookupsPerCall) + ceil(skus, QUANTITIES_PER_CALL);
        long total = calls.values().stream().mapToLong(Long::longValue).sum();

        System.out.printf("%n=== Shopify stock push: one SetStock of %,d SKUs (speed factor %.0f, Shopify seconds) ===%n",
                skus, speed);
        System.out.printf("| calls per operation | calls | minimum | calls / minimum | actual cost | floor s | wall s | wall / floor | THROTTLED |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| %s | %d | %d | %.2f | %,d | %.0f | %.0f | %.3f | %d |%n%n", calls, total, minimum,
                (double) total / minimum, actualCost, floor, wall, floor == 0 ? 0 : wall / floor, throttled);
        BenchResult.of("P4", "shopify", String.format("%,d SKUs, inventorySetQuantities", skus))
                .calls(calls).callsFloor(minimum).wallSeconds(wall).floorSeconds(floor).throttled(throttled)
                .figure("actualCostPoints", actualCost).figure("skuLookupsPerCallPossible", lookupsPerCall)
                .figure("quantitiesPerCall", config.stock().batchSize()).figure("speedFactor", speed)
                .notes("minimum = shop + locations + SKU lookups of " + lookupsPerCall + " + mutations of "
                        + QUANTITIES_PER_CALL + "; floor = (actual cost − bucket 2,000) / 100 points/s")
                .record();
    }

    /** Publishes one command setting every variant to its quantity + {@code delta}; seconds until all are set. */
    private double push(ConnectionSnapshot connection, List<SimVariant> variants, int delta) {
        TreeMap<String, Integer> target = new TreeMap<>();
        variants.forEach(v -> target.put(v.sku(), v.quantity(MAIN_WAREHOUSE, "available") + delta));
        SetStock command = new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(),
                Marketplace.SHOPIFY, target.entrySet().stream()
                .map(e -> new SetStock.Item(e.getKey(), e.getValue(), e.getValue(), 0)).toList(), Instant.now(),
                connection);
        long started = System.nanoTime();
        KafkaTestClient.publish(Topics.stockCommands(Marketplace.SHOPIFY), command);
        // the writer sets the SKUs in the command's order: the last one set means every batch went out
        SimVariant last = variants.stream().filter(v -> v.sku().equals(target.lastKey()))
                .findFirst().orElseThrow();
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(20))
                .until(() -> last.quantity(MAIN_WAREHOUSE, "available") == target.get(last.sku()));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(variants.stream().filter(v -> v.quantity(MAIN_WAREHOUSE, "available") != target.get(v.sku())))
                .as("SKUs without their new quantity").isEmpty();
        return seconds;
    }

    private static long ceil(long n, long per) {
        return (n + per - 1) / per;
    }
}

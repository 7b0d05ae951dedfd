package io.nexusconnect.amazon.stock;

import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.stock.StockWriter.Rejection;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.config.AmazonConfig;
import io.nexusconnect.amazon.it.AmazonSimResource;
import io.nexusconnect.amazon.it.Cycles;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.amazon.feeds.FeedsApi;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.bench.BenchResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P4: 10,000 SKUs (1,000 with {@code NEXUS_BENCH_QUICK=1}) set once through the listings feed and once through PATCH per SKU, against the simulator with its
 * documented rates and a feed processing delay of 2 minutes (both sped up by the speed factor). Prints calls per
 * operation against the minimum the path needs, wall time against its floor, and throttled calls, and records both
 * paths as rows of {@code ./nexus bench}. Run with {@code -Pbench} (README); not part of verify.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class StockPathsBenchmark {
    static final int SKUS = "1".equals(System.getenv("NEXUS_BENCH_QUICK")) ? 1_000 : 10_000;

    AmazonSimulator sim;
    @Inject
    AmazonStockWriter patches;
    @Inject
    FeedStockWriter feeds;
    @Inject
    CredentialOpener credentials;
    @Inject
    AmazonConfig config;

    @Test
    void feedVersusPatch() throws InterruptedException {
        double speed = AmazonSimResource.SPEED;
        sim.reseed(0, Duration.ofDays(30), SKUS);
        sim.feeds().processingDelay(FeedsApi.DEFAULT_PROCESSING_DELAY);
        ConnectionSnapshot connection = Cycles.demoConnection();
        AmazonAccount account = AmazonAccount.of(connection, credentials.open(connection), config);
        List<SimListing> listings = sim.listings();
        long fbaOnly = listings.stream().filter(SimListing::fulfilledByAmazon).count();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format("speed factor %.0f; %,d SKUs, %d of them FBA-only (rejected by both paths); times in real seconds",
                speed, SKUS, fbaOnly));
        lines.add("| path | calls per operation | calls | minimum | calls / minimum | floor s | wall s | wall / floor | throttled |");
        lines.add("|---|---|---|---|---|---|---|---|---|");

        // the feed: ⌈SKUs / 20⌉ lookups, then document, upload, createFeed, one getFeed, getFeedDocument, download;
        // its floor is the lookups beyond their burst plus Amazon's processing time
        long lookups = (SKUS + 19) / 20;
        double feedFloor = Math.max(0, lookups - 5) / 5.0 + FeedsApi.DEFAULT_PROCESSING_DELAY.toSeconds();
        lines.add(run("listings feed", account, items(listings, 3), a -> feeds.setStock(a, items(listings, 3)), lookups + 6,
                feedFloor, speed, fbaOnly));

        // PATCH per SKU: getListingsItem (5 rps, burst 10) for every SKU, patchListingsItem (5 rps, burst 5) for
        // every SKU that is not FBA-only
        long patchCalls = SKUS - fbaOnly;
        double patchFloor = Math.max((SKUS - 10) / 5.0, (patchCalls - 5) / 5.0);
        lines.add(run("PATCH per SKU", account, items(listings, 5), a -> patches.patchEach(a, items(listings, 5)),
                SKUS + patchCalls, patchFloor, speed, fbaOnly));
        System.out.println("\n=== stock: feed vs patch ===\n" + String.join("\n", lines) + "\n");
    }

    private String run(String path, AmazonAccount account, List<SetStock.Item> items,
                       Function<AmazonAccount, List<Rejection>> writer, long minimum, double floor, double speed,
                       long fbaOnly) throws InterruptedException {
        sim.resetRateLimits();
        Thread.sleep(2000); // the adapter's buckets of this seller refill (each path uses its own operations)
        sim.requestLog().reset();
        long started = System.nanoTime();
        List<Rejection> rejections = writer.apply(account);
        double wall = (System.nanoTime() - started) / 1e9 * speed;
        assertThat(rejections).hasSize((int) fbaOnly);
        Map<String, Long> calls = new java.util.TreeMap<>(sim.requestLog().counts());
        calls.remove("lwaToken");
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> throttled = new java.util.TreeMap<>();
        sim.requestLog().countsByStatus().forEach((key, n) -> {
            if (key.endsWith(" 429")) {
                throttled.put(key.substring(0, key.length() - 4), n);
            }
        });
        BenchResult.of("P4", "amazon", String.format("%,d SKUs, %s", SKUS, path)).calls(calls).callsFloor(minimum)
                .wallSeconds(wall).floorSeconds(floor).throttled(throttled.values().stream().mapToLong(Long::longValue).sum())
                .figure("rejectedFbaOnly", fbaOnly).figure("speedFactor", speed)
                .notes(path.equals("listings feed")
                        ? "floor = ⌈SKUs/20⌉ lookups beyond their burst (5 rps) + Amazon's 2-minute feed processing"
                        : "floor = getListingsItem and patchListingsItem per SKU at 5 rps; FBA-only SKUs are not patched")
                .record();
        return String.format("| %s | %s | %d | %d | %.3f | %.0f | %.0f | %.3f | %s |", path, calls, total, minimum,
                (double) total / minimum, floor, wall, wall / floor, throttled.isEmpty() ? "0" : throttled);
    }

    private static List<SetStock.Item> items(List<SimListing> listings, int delta) {
        return listings.stream().map(l -> new SetStock.Item(l.sku(), l.quantity() + delta, l.quantity() + delta, 0)).toList();
    }
}

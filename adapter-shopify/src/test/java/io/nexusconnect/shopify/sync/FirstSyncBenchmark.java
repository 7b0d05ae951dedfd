package io.nexusconnect.shopify.sync;

import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.RetryPolicy;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.shopify.client.AdminApiClient;
import io.nexusconnect.shopify.client.Queries;
import io.nexusconnect.shopify.client.ShopifyAccount;
import io.nexusconnect.shopify.config.ShopifyConfig;
import io.nexusconnect.shopify.client.ShopifyErrorClassifier;
import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.testinfra.bench.BenchResult;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * P1: calls and wall time of a first orders sync against the Shopify simulator with the documented Standard-plan limits
 * (restore 100 points/s, bucket 2000, single query ≤ 1000), beside the floor: the time the bucket needs to restore
 * the actual cost beyond its initial content. No Kafka: records go to a counting sink. Prints the figures and records
 * them as the P1 row of {@code ./nexus bench}. Runs in the {@code bench} profile (1,000 orders, 200 with
 * {@code NEXUS_BENCH_QUICK=1}; speed factor {@code -Dshopify.bench.speed}, 10), or as
 * {@code java … FirstSyncBenchmark [orders=1000] [speed=1]}; a speed above 1 runs the bucket faster and reports
 * wall times scaled back to real Shopify time.
 */
public final class FirstSyncBenchmark {
    @Test
    void firstSync() {
        run("1".equals(System.getenv("NEXUS_BENCH_QUICK")) ? 200 : 1000,
                Double.parseDouble(System.getProperty("shopify.bench.speed", "10")));
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 1000, args.length > 1 ? Double.parseDouble(args[1]) : 1);
    }

    static void run(int orders, double speed) {
        ShopifySimConfig simConfig = ShopifySimConfig.defaults().withData(orders, 50, 7).withSpeed(speed);
        io.vertx.mutiny.core.Vertx vertx = io.vertx.mutiny.core.Vertx.vertx();
        try (ShopifySimulator sim = ShopifySimulator.start(simConfig)) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ShopifyConfig.class)
                    .withDefaultValue("nexus.shopify.endpoint-override", sim.baseUrl()).build();
            ShopifyConfig shopify = config.getConfigMapping(ShopifyConfig.class);
            MarketplaceHttpClient http = MarketplaceHttpClient.builder(vertx).clock(Clock.systemUTC())
                    .sleeper(Sleeper.SYSTEM).retryPolicy(RetryPolicy.defaults())
                    .classifier(new ShopifyErrorClassifier()).requestIdHeader("X-Request-Id").build();
            AdminApiClient api = new AdminApiClient(http, shopify, Clock.systemUTC(), Sleeper.SYSTEM);
            UUID connectionId = UUID.randomUUID();
            ConnectionSnapshot connection = new ConnectionSnapshot(connectionId, "bench", Marketplace.SHOPIFY,
                    ShopifySimulator.DEMO.myshopifyDomain(), "Shopify",
                    Map.of("shopDomain", ShopifySimulator.DEMO.myshopifyDomain()), ConnectionState.ACTIVE,
                    ConnectionSettings.defaults(), TenantPolicy.defaults(), null, 1, Instant.now());
            ConnectionCredentials credentials = new ConnectionCredentials(connectionId,
                    Map.of("adminApiAccessToken", ShopifySimulator.DEMO.accessToken()));
            SyncRequested request = new SyncRequested(UUID.randomUUID(), connectionId, "bench", Marketplace.SHOPIFY,
                    Set.of(SyncScope.ORDERS), SyncMode.FULL, Map.of(), OrderLookback.THIRTY_DAYS, SyncTrigger.MANUAL,
                    1, Instant.now(), connection);
            CountingSink sink = new CountingSink();
            OrdersStep step = new OrdersStep(api, new CycleContext(request, credentials, Clock.systemUTC(),
                    Instant.now()), ShopifyAccount.of(connection, credentials, shopify), shopify);
            long started = System.nanoTime();
            step.run(sink);
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            AdminApiClient.Stats stats = api.stats();
            int pageSize = Queries.ordersPageSize(shopify.orders().linesPerOrder(),
                    shopify.cost().maxSingleQueryCost());
            long minimumCalls = (orders + pageSize - 1) / pageSize;
            double realWall = wall.toMillis() / 1000.0 * speed;
            double floor = Math.max(0, stats.actualCost() - simConfig.maximumAvailable()) / simConfig.restoreRate();
            System.out.printf("orders published          %d (distinct %d of %d)%n", sink.orders, sink.ids.size(),
                    sim.store().orders().size());
            System.out.printf("page size                 %d orders (requested cost %d)%n", pageSize,
                    Queries.ordersCost(pageSize, shopify.orders().linesPerOrder()));
            System.out.printf("calls                     %d (orders %d, orderLines %d), minimum %d%n", stats.calls(),
                    sim.requestLog().count("orders", 200), sim.requestLog().count("orderLines", 200),
                    minimumCalls);
            System.out.printf("THROTTLED answers         %d%n", stats.throttled());
            System.out.printf("actual cost               %d points%n", stats.actualCost());
            System.out.printf("wall (Shopify time)       %.1f s (measured %.1f s at speed %.0f)%n", realWall,
                    wall.toMillis() / 1000.0, speed);
            System.out.printf("floor                     %.1f s = (actual cost − bucket %.0f) / %.0f points/s%n",
                    floor, simConfig.maximumAvailable(), simConfig.restoreRate());
            System.out.printf("ratio                     %.3f%n", floor == 0 ? 0 : realWall / floor);
            BenchResult.of("P1", "shopify", String.format("%,d orders, 30d lookback", orders))
                    .calls(Map.of("orders", sim.requestLog().count("orders", 200),
                            "orderLines", sim.requestLog().count("orderLines", 200)))
                    .callsFloor(minimumCalls).wallSeconds(realWall).floorSeconds(floor).throttled(stats.throttled())
                    .figure("actualCostPoints", stats.actualCost()).figure("ordersPerPage", pageSize)
                    .figure("speedFactor", speed)
                    .notes("floor = (actual cost − bucket 2,000) / 100 points/s (Standard plan); wall and floor in "
                            + "Shopify seconds, run ×" + Math.round(speed) + " faster")
                    .record();
        } finally {
            vertx.closeAndAwait();
        }
    }

    private static final class CountingSink implements RecordSink {
        int orders;
        final Set<String> ids = new HashSet<>();

        @Override
        public void product(Product product) {
        }

        @Override
        public void order(Order order) {
            orders++;
            ids.add(order.externalId());
        }

        @Override
        public void inventory(InventoryLevel level) {
        }

        @Override
        public void pageCompleted(SyncScope scope) {
        }

        @Override
        public void checkpoint(Map<String, String> cursors) {
        }
    }
}

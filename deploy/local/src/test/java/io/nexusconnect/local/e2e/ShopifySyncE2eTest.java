package io.nexusconnect.local.e2e;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.model.SimVariant;
import io.nexusconnect.sims.shopify.seed.ShopSeeder;
import io.nexusconnect.testinfra.SharedInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Shopify connection through every real part: REST → outbox → Debezium → orchestrator → adapter-shopify (a
 * process of its own, beside the shared stack's services) → topics, against the Shopify simulator in this JVM with
 * the cost bucket restoring 50 times faster than the Standard plan.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: a new Shopify connection")
class ShopifySyncE2eTest {
    private static final int SEEDED_ORDERS = 1200;
    private static ShopifySimulator simulator;
    private static ServiceProcess adapter;

    @AfterAll
    static void stop() throws Exception {
        FirstSync.closeAll(adapter, simulator);
    }

    private static void startShopify() throws Exception {
        simulator = ShopifySimulator.start(ShopifySimConfig.defaults().withData(SEEDED_ORDERS, 40, 11).withSpeed(50)
                .withLookback(Duration.ofDays(29)));
        adapter = FirstSync.startAdapter(NexusServices.adapterShopify(NexusServices.repoRoot(),
                Files.createTempDirectory("e2e-shopify"), Ports.free(), SharedInfra.kafkaBootstrapServers(),
                SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId(), simulator.baseUrl(), Map.of(),
                ServiceProcess.DEFAULT_JVM_OPTIONS));
    }

    @Test
    @DisplayName("A connection created over REST is synced once: every seeded order lands exactly once on nexus.orders.v1 "
            + "over many cost-planned pages, a three-unit discounted line is priced as Shopify defines it, every event "
            + "matches its contract, and no secret leaks into events or logs")
    void newConnectionSyncsEveryOrderExactlyOnce(E2eStack stack) throws Exception {
        // given: the simulator's shop, an order with a three-unit line and 5.00 off, and adapter-shopify running
        startShopify();
        SimVariant variant = simulator.store().products().getFirst().variants().getFirst();
        SimOrder multi = ShopSeeder.fixedOrder(simulator.store(), Map.of(variant.sku(), 3), new BigDecimal("5.00"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("shopDomain", ShopifySimulator.DEMO.myshopifyDomain());
        fields.put("adminApiAccessToken", ShopifySimulator.DEMO.accessToken());
        fields.put("apiSecretKey", "shpss_" + "abcdef0123456789abcdef0123456789");

        // when: a platform team adds the connection and the orchestrator asks adapter-shopify for its first cycle
        FirstSync sync = FirstSync.ofNewConnection(stack, Marketplace.SHOPIFY, "E2E Shopify", fields,
                List.of(ShopifySimulator.DEMO.accessToken(), fields.get("apiSecretKey")));

        // then: each order is on nexus.orders.v1 exactly once for that cycle, read over many orders pages
        assertThat(simulator.store().orders()).hasSize(SEEDED_ORDERS + 1);
        sync.assertEachOrderOnce(simulator.store().orders().stream().map(SimOrder::id).toList());
        assertThat(simulator.requestLog().count("orders", 200)).isGreaterThanOrEqualTo(SEEDED_ORDERS / 20);

        // then: the three-unit line carries the unit price before discounts and unit × 3 − 5.00 as its total
        sync.assertFirstLine(multi.id(), 3, variant.price(),
                variant.price().multiply(BigDecimal.valueOf(3)).subtract(new BigDecimal("5.00")), "USD");

        // then: every event honours its contract, and no secret is in events or logs
        Map<String, Integer> audited = sync.assertContractsAndNoSecrets(adapter);
        sync.report("Shopify", audited, simulator.requestLog().countsByStatus());
    }
}

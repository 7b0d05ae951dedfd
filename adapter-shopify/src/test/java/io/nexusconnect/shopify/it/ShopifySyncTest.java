package io.nexusconnect.shopify.it;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.model.SimProduct;
import io.nexusconnect.sims.shopify.seed.ShopSeeder;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ShopifySimResource.class, restrictToAnnotatedClass = false)
class ShopifySyncTest {
    ShopifySimulator sim;

    /** Cycles read up to the whole second they start in; a change in that second comes with the next cycle. */
    private static void pastTheSecondOf(Instant change) {
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(change.plusSeconds(1)));
    }

    @Test
    @DisplayName("A first sync publishes every order of the lookback exactly once over many cost-planned pages, "
            + "a multi-unit discounted line priced as Shopify defines it, and every event valid")
    void firstSyncOfOrders() {
        // given a new order with a 3-unit line and 5.00 of discount, besides the seeded ones
        String sku = sim.store().products().getFirst().variants().getFirst().sku();
        SimOrder special = ShopSeeder.fixedOrder(sim.store(), Map.of(sku, 3), new BigDecimal("5.00"));
        int expected = sim.store().orders().size();
        pastTheSecondOf(special.updatedAt());
        long queriesBefore = sim.requestLog().count("orders", 200);
        ConnectionSnapshot connection = Cycles.demoConnection();

        // when a first sync of orders runs
        List<SyncEvent> events = Cycles.run(Cycles.request(connection, SyncMode.FULL, Map.of(),
                Set.of(SyncScope.ORDERS)));

        // then it succeeded over many pages, none of them refused for cost, and every order came exactly once
        SyncCompleted completed = Cycles.completed(events);
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(completed.cursors()).containsKey("orders.updatedAtMin");
        long pages = sim.requestLog().count("orders", 200) - queriesBefore;
        assertThat(pages).isGreaterThan(expected / 20);
        assertThat(events.stream().filter(SyncProgress.class::isInstance).count()).isGreaterThanOrEqualTo(pages);
        List<ConsumerRecord<String, String>> records = Cycles.records(Topics.ORDERS, connection.connectionId(),
                expected);
        records.forEach(Cycles::assertValid);
        assertThat(records).hasSize(expected);
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).hasSize(expected);

        // and the multi-unit line carries the unit price, the discount and the line total after it
        Order order = records.stream().map(r -> Json.read(r.value(), Order.class))
                .filter(o -> o.externalId().equals(special.id())).findFirst().orElseThrow();
        OrderLine line = order.lines().getFirst();
        BigDecimal unit = special.lines().getFirst().originalUnitPrice();
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.unitPrice().decimal()).isEqualByComparingTo(unit);
        assertThat(line.discount().decimal()).isEqualByComparingTo("5.00");
        assertThat(line.lineTotal().decimal()).isEqualByComparingTo(unit.multiply(BigDecimal.valueOf(3))
                .subtract(new BigDecimal("5.00")));
        assertThat(line.lineTotal().currency()).isEqualTo("USD");
        assertThat(order.total().decimal()).isEqualByComparingTo(special.total());
    }

    @Test
    @DisplayName("A first products sync above the threshold runs one bulk operation; every variant becomes a product "
            + "with a health verdict and a level; the next cycle reads only what changed, paged")
    void productsThroughBulkThenIncremental() {
        // given a connection that never synced products
        ConnectionSnapshot connection = Cycles.demoConnection();
        long bulkRuns = sim.requestLog().count("bulkOperationRunQuery", 200);
        long pagedBefore = sim.requestLog().count("products", 200);
        int variants = sim.store().products().stream().mapToInt(p -> p.variants().size()).sum();

        // when its first products cycle runs
        SyncCompleted first = Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.FULL, Map.of(),
                Set.of(SyncScope.PRODUCTS, SyncScope.INVENTORY))));

        // then one bulk operation was run and downloaded, and every variant is a product with a verdict
        assertThat(first.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.requestLog().count("bulkOperationRunQuery", 200)).isEqualTo(bulkRuns + 1);
        assertThat(sim.requestLog().count("products", 200)).isEqualTo(pagedBefore);
        List<Product> products = Cycles.records(Topics.PRODUCTS, connection.connectionId(), variants).stream()
                .peek(Cycles::assertValid).map(r -> Json.read(r.value(), Product.class)).toList();
        assertThat(products).hasSize(variants);
        assertThat(products).allSatisfy(p -> assertThat(p.health()).isNotNull());
        SimProduct draft = sim.store().products().stream().filter(p -> p.status().equals("DRAFT")).findFirst()
                .orElseThrow();
        assertThat(products.stream().filter(p -> p.marketplaceProductId().equals(draft.id())))
                .allSatisfy(p -> assertThat(p.health().verdict()).isEqualTo(ListingHealth.Verdict.INACTIVE));
        assertThat(products.stream().filter(p -> p.health().verdict() == ListingHealth.Verdict.ACTIVE)).isNotEmpty();
        List<InventoryLevel> levels = Cycles.records(Topics.INVENTORY, connection.connectionId(), variants).stream()
                .map(r -> Json.read(r.value(), InventoryLevel.class)).toList();
        var variant = sim.store().products().getLast().variants().getFirst();
        assertThat(levels.stream().filter(l -> l.sku().equals(variant.sku())).findFirst().orElseThrow().quantity())
                .isEqualTo(variant.quantity(71001, "available"));

        // when one product changes and the next cycle runs from the returned cursor
        SimProduct changed = sim.store().products().get(3);
        changed.setStatus("ARCHIVED", null, Instant.now());
        pastTheSecondOf(changed.updatedAt());
        SyncCompleted next = Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.INCREMENTAL,
                first.cursors(), Set.of(SyncScope.PRODUCTS, SyncScope.INVENTORY))));

        // then it paged (no second bulk operation) and published the changed product's variants
        assertThat(next.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.requestLog().count("bulkOperationRunQuery", 200)).isEqualTo(bulkRuns + 1);
        assertThat(sim.requestLog().count("products", 200)).isGreaterThan(pagedBefore);
        assertThat(Cycles.records(Topics.PRODUCTS, connection.connectionId(), variants + 1).stream()
                .map(r -> Json.read(r.value(), Product.class))
                .filter(p -> p.marketplaceProductId().equals(changed.id()))
                .anyMatch(p -> p.statuses().contains("ARCHIVED"))).isTrue();
    }
}

package io.nexusconnect.walmart.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestStockCommands;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.walmart.WalmartSimulator;
import io.nexusconnect.sims.walmart.WalmartStore;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whole cycles, acknowledgements, stock commands and faults over the real broker against the Walmart simulator. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = WalmartSimResource.class, restrictToAnnotatedClass = false)
class WalmartSyncTest {
    WalmartSimulator sim;

    static ConnectionSnapshot demoConnection() {
        return TestConnections.of(Marketplace.WALMART).label("Nexus Demo Walmart Seller")
                .secret("authScheme", "oauth").secret("clientId", WalmartSimulator.DEMO.clientId())
                .secret("clientSecret", WalmartSimulator.DEMO.clientSecret()).build();
    }

    static <T> List<T> ofCycle(String topic, UUID connectionId, UUID syncId, int atLeast, Class<T> type) {
        String marker = "\"syncId\":\"" + syncId + "\"";
        return io.nexusconnect.testinfra.KafkaTestClient.readUntil(topic, all -> all.stream()
                        .filter(r -> r.value() != null && r.value().contains(marker)).count() >= atLeast,
                        TestCycles.WAIT).stream().filter(r -> r.value() != null && r.value().contains(marker))
                .peek(r -> TestCycles.assertValid(r, "/nexus/adapter-walmart"))
                .map(r -> io.nexusconnect.contracts.kafka.Json.read(r.value(), type)).toList();
    }

    /**
     * The orders modified since the start of the cycle's 30-day window (those the cycle acknowledged were modified
     * after its end, by the acknowledgement).
     */
    List<String> inWindow(SyncCompleted cycle) {
        Instant end = Instant.parse(cycle.cursors().get("orders.lastModifiedDate"));
        Instant start = end.minus(Duration.ofDays(30));
        return sim.store().orders().stream().filter(o -> !o.lastModified.isBefore(start))
                .map(o -> o.purchaseOrderId).toList();
    }

    static io.nexusconnect.contracts.sync.SyncRequested fullOrders(ConnectionSnapshot connection) {
        return TestCycles.request(connection, io.nexusconnect.contracts.sync.SyncMode.FULL, Map.of(),
                Set.of(io.nexusconnect.contracts.sync.SyncScope.ORDERS));
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    @DisplayName("A full cycle publishes every order of the lookback once, a three-unit line priced per unit, acknowledges each Created order once, and neither an incremental cycle nor a fresh full cycle (as after a restart) acknowledges again")
    void ordersAndAcknowledgementExactlyOnce() {
        // given the seeded orders and a new order with a three-unit line
        ConnectionSnapshot connection = demoConnection();
        WalmartStore.PurchaseOrder multi = sim.store().place("WM-SKU-00002", 3);
        Set<String> created = sim.store().orders().stream().filter(o -> o.allLines("Created"))
                .map(o -> o.purchaseOrderId).collect(Collectors.toSet());

        // when a full cycle runs
        var request = fullOrders(connection);
        SyncCompleted full = TestCycles.completed(TestCycles.run(request));

        // then every order is published exactly once, and every Created order was acknowledged once
        assertThat(full.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<String> expected = inWindow(full);
        List<Order> orders = ofCycle(Topics.ORDERS, connection.connectionId(), request.syncId(), expected.size(),
                Order.class);
        assertThat(orders).extracting(Order::externalId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        OrderLine line = orders.stream().filter(o -> o.externalId().equals(multi.purchaseOrderId)).findFirst()
                .orElseThrow().lines().getFirst();
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.unitPrice().decimal()).isEqualByComparingTo(multi.lines.getFirst().unitPrice);
        assertThat(line.lineTotal().decimal()).isEqualByComparingTo(multi.lines.getFirst().unitPrice
                .multiply(BigDecimal.valueOf(3)));
        created.retainAll(expected);
        assertThat(created).isNotEmpty().allSatisfy(po ->
                assertThat(sim.store().order(po).orElseThrow().acknowledgements).as(po).isEqualTo(1));
        assertThat(full.cursors().get("orders.pendingAcknowledgements")).isEmpty();

        // when an incremental cycle and then a full cycle without cursors run
        TestCycles.completed(TestCycles.run(TestCycles.request(connection,
                io.nexusconnect.contracts.sync.SyncMode.INCREMENTAL, full.cursors(),
                Set.of(io.nexusconnect.contracts.sync.SyncScope.ORDERS))));
        SyncCompleted again = TestCycles.completed(TestCycles.run(fullOrders(connection)));

        // then no order was acknowledged a second time
        assertThat(again.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(created).allSatisfy(po ->
                assertThat(sim.store().order(po).orElseThrow().acknowledgements).as(po).isEqualTo(1));
    }

    @Test
    @DisplayName("A failing acknowledgement makes the cycle partial with the order named in the history, and the next cycle acknowledges it from the pending cursor")
    void failedAcknowledgementIsReportedAndRetried() {
        // given a new order and Walmart failing every acknowledgement
        ConnectionSnapshot connection = demoConnection();
        WalmartStore.PurchaseOrder order = sim.store().place("WM-SKU-00003", 1);
        sim.faults().persistent(WalmartSimulator.ACKNOWLEDGE, Fault.serverError(503));
        Map<String, String> cursors = Map.of("orders.lastModifiedDate",
                order.orderDate.minusSeconds(1).toString());

        // when an incremental cycle runs
        SyncCompleted failed = TestCycles.completed(TestCycles.run(TestCycles.incremental(connection, cursors)));

        // then the history names the order, and it is pending
        assertThat(failed.outcome()).isNotEqualTo(SyncOutcome.SUCCESS);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(failed.error().message()).contains(order.purchaseOrderId).contains("acknowledgement");
        assertThat(order.acknowledgements).isZero();
        assertThat(failed.cursors().get("orders.pendingAcknowledgements")).contains(order.purchaseOrderId);

        // when Walmart recovers and the next cycle runs
        sim.faults().clear();
        SyncCompleted next = TestCycles.completed(TestCycles.run(TestCycles.incremental(connection,
                failed.cursors())));

        // then the order is acknowledged exactly once
        assertThat(next.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(order.acknowledgements).isEqualTo(1);
        assertThat(next.cursors().get("orders.pendingAcknowledgements")).isEmpty();
    }

    @Test
    @DisplayName("Items become products with the publish-status verdict: unpublished ones suppressed with Walmart's reason")
    void itemsWithHealth() {
        ConnectionSnapshot connection = demoConnection();
        var request = TestCycles.request(connection, io.nexusconnect.contracts.sync.SyncMode.FULL, Map.of(),
                Set.of(io.nexusconnect.contracts.sync.SyncScope.PRODUCTS));

        SyncCompleted done = TestCycles.completed(TestCycles.run(request));

        assertThat(done.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<Product> products = ofCycle(Topics.PRODUCTS, connection.connectionId(), request.syncId(),
                WalmartSimResource.ITEMS, Product.class);
        assertThat(products).hasSize(WalmartSimResource.ITEMS);
        Product unpublished = products.stream().filter(p -> p.sku().equals("WM-SKU-00010")).findFirst().orElseThrow();
        assertThat(unpublished.health().verdict()).isEqualTo(ListingHealth.Verdict.SUPPRESSED);
        assertThat(unpublished.health().issues().getFirst().message()).contains("tax code");
    }

    @Test
    @DisplayName("A small stock command is set SKU by SKU, a large one by an inventory feed whose unknown SKU is dead-lettered as rejected while the others are set")
    void stockBySkuAndByFeed() {
        ConnectionSnapshot connection = demoConnection();
        TestStockCommands.send(TestStockCommands.setAll(connection, 17, "WM-SKU-00004", "WM-SKU-00005"));
        await().atMost(Duration.ofMinutes(1)).until(() -> sim.store().item("WM-SKU-00005").orElseThrow().quantity == 17);

        SetStock large = TestStockCommands.setAll(connection, 23, "WM-SKU-00011", "WM-SKU-00012", "WM-SKU-00013",
                "WM-SKU-00014", "WM-SKU-00015", "WM-SKU-00016", "NO-SUCH-SKU");
        TestStockCommands.send(large);

        String reason = TestStockCommands.reason(TestStockCommands.deadLetter(large));
        assertThat(reason).contains("NO-SUCH-SKU").contains("DATA_ERROR");
        assertThat(sim.store().item("WM-SKU-00016").orElseThrow().quantity).isEqualTo(23);
        assertThat(sim.requestLog().count(WalmartSimulator.SUBMIT_FEED)).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("An expired token, a 429 and a malformed page are recovered within the cycle or the next one, a lasting 5xx fails the cycle as marketplace_unavailable, and after recovery nothing is lost")
    void faults() {
        ConnectionSnapshot connection = demoConnection();
        sim.faults().next(WalmartSimulator.GET_ORDERS, Fault.expiredToken());
        sim.faults().next(WalmartSimulator.GET_ORDERS, Fault.rateLimit(Duration.ofSeconds(1)));
        assertThat(TestCycles.completed(TestCycles.run(fullOrders(connection))).outcome())
                .isEqualTo(SyncOutcome.SUCCESS);

        sim.faults().persistent(WalmartSimulator.GET_ORDERS, Fault.serverError(500));
        SyncCompleted down = TestCycles.completed(TestCycles.run(fullOrders(connection)));
        assertThat(down.outcome()).isNotEqualTo(SyncOutcome.SUCCESS);
        assertThat(down.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);

        sim.faults().clear();
        sim.faults().next(WalmartSimulator.GET_ORDERS, Fault.malformedJson());
        SyncCompleted garbled = TestCycles.completed(TestCycles.run(fullOrders(connection)));
        assertThat(garbled.outcome()).isNotEqualTo(SyncOutcome.SUCCESS);
        assertThat(garbled.error().code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);

        var recovered = fullOrders(connection);
        SyncCompleted ok = TestCycles.completed(TestCycles.run(recovered));
        assertThat(ok.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<String> expected = inWindow(ok);
        assertThat(ofCycle(Topics.ORDERS, connection.connectionId(), recovered.syncId(), expected.size(),
                Order.class)).extracting(Order::externalId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}

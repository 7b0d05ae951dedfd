package io.nexusconnect.bol.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestStockCommands;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import io.nexusconnect.testinfra.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.time.Instant;
import io.nexusconnect.sims.bol.BolSimulator;
import io.nexusconnect.sims.bol.BolStore;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whole cycles, stock commands with each process-status outcome, and faults over the real broker against the bol simulator. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BolSimResource.class, restrictToAnnotatedClass = false)
class BolSyncTest {
    BolSimulator sim;

    static ConnectionSnapshot demoConnection() {
        return TestConnections.of(Marketplace.BOL).label("Nexus Demo Winkel")
                .secret("clientId", BolSimulator.DEMO.clientId())
                .secret("clientSecret", BolSimulator.DEMO.clientSecret()).build();
    }

    static <T> List<T> ofCycle(String topic, UUID syncId, int atLeast, Class<T> type) {
        String marker = "\"syncId\":\"" + syncId + "\"";
        return io.nexusconnect.testinfra.KafkaTestClient.readUntil(topic, all -> all.stream()
                        .filter(r -> r.value() != null && r.value().contains(marker)).count() >= atLeast,
                        TestCycles.WAIT).stream().filter(r -> r.value() != null && r.value().contains(marker))
                .peek(r -> TestCycles.assertValid(r, "/nexus/adapter-bol"))
                .map(r -> io.nexusconnect.contracts.kafka.Json.read(r.value(), type)).toList();
    }

    static SyncRequested orders(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors) {
        return TestCycles.request(connection, mode, cursors, Set.of(SyncScope.ORDERS));
    }

    List<String> openOrders() {
        return sim.store().orders().stream().filter(o -> o.items().stream().anyMatch(BolStore.Item::open))
                .map(BolStore.Order::orderId).toList();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    @DisplayName("A full cycle publishes every open FBR and FBB order once across pages, a discounted multi-unit line priced as bol states it, in pages + 1 list calls and one detail call per order; an incremental cycle reads no detail again")
    void openOrdersExactlyOnceWithoutAStorm() {
        // given the seeded orders and a clean call count
        ConnectionSnapshot connection = demoConnection();
        List<String> open = openOrders();
        sim.requestLog().reset();

        // when a full cycle runs
        SyncRequested request = orders(connection, SyncMode.FULL, Map.of());
        SyncCompleted full = TestCycles.completed(TestCycles.run(request));

        // then every open order is published once, with both fulfilment methods, priced as bol states it
        assertThat(full.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<Order> published = ofCycle(Topics.ORDERS, request.syncId(), open.size(), Order.class);
        assertThat(published).extracting(Order::externalId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(open);
        assertThat(published).extracting(Order::fulfillmentChannel).contains("FBR", "FBB");
        BolStore.Item discounted = sim.store().orders().stream().filter(o -> open.contains(o.orderId()))
                .flatMap(o -> o.items().stream()).filter(i -> i.discount().signum() > 0).findFirst().orElseThrow();
        OrderLine line = published.stream().flatMap(o -> o.lines().stream())
                .filter(l -> l.lineId().equals(discounted.orderItemId())).findFirst().orElseThrow();
        assertThat(line.quantity()).isEqualTo(discounted.quantity()).isGreaterThan(1);
        assertThat(line.unitPrice().decimal()).isEqualByComparingTo(discounted.unitPrice());
        assertThat(line.lineTotal().decimal()).isEqualByComparingTo(discounted.unitPrice()
                .multiply(BigDecimal.valueOf(discounted.quantity())).subtract(discounted.discount()));
        assertThat(line.sku()).isEqualTo(discounted.offer().reference());
        int pages = (open.size() + 49) / 50;
        assertThat(sim.requestLog().count("get-orders")).isEqualTo(pages + 1);
        assertThat(sim.requestLog().count("get-order")).isEqualTo(open.size());
        assertThat(sim.requestLog().count("token")).isEqualTo(1);

        // when an incremental cycle runs with the cursors
        sim.requestLog().reset();
        SyncCompleted next = TestCycles.completed(TestCycles.run(orders(connection, SyncMode.INCREMENTAL,
                full.cursors())));

        // then it lists the pages again but reads no order's detail
        assertThat(next.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(sim.requestLog().count("get-orders")).isEqualTo(pages + 1);
        assertThat(sim.requestLog().count("get-order")).isZero();
    }

    ConnectionTestResult testConnection(ConnectionSnapshot connection) {
        ConnectionTestRequested request = new ConnectionTestRequested(UUID.randomUUID(), Marketplace.BOL,
                connection, Instant.now(), Instant.now().plusSeconds(120));
        KafkaTestClient.publish(Topics.CONNECTION_TESTS, request);
        String id = request.requestId().toString();
        ConsumerRecord<String, String> reply = KafkaTestClient.readUntil(Topics.CONNECTION_TEST_REPLIES,
                        records -> records.stream().anyMatch(r -> r.value().contains(id)), TestCycles.WAIT).stream()
                .filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        return Json.read(reply.value(), ConnectionTestResult.class);
    }

    @Test
    @DisplayName("Test Connection reads the first page of open orders with a fresh token; a wrong secret is invalid credentials")
    void testConnectionProvesTheCredentials() {
        long listings = sim.requestLog().count("get-orders", 200);

        ConnectionTestResult ok = testConnection(demoConnection());
        ConnectionTestResult wrong = testConnection(TestConnections.of(Marketplace.BOL)
                .secret("clientId", BolSimulator.DEMO.clientId()).secret("clientSecret", "not-the-secret").build());

        assertThat(ok.valid()).isTrue();
        assertThat(ok.marketplaceName()).isEqualTo("bol.com");
        assertThat(sim.requestLog().count("get-orders", 200)).isEqualTo(listings + 1);
        assertThat(wrong.valid()).isFalse();
        assertThat(wrong.errorCode()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    @DisplayName("Offers become products through one offer export: request, process status, CSV download")
    void offersByExport() {
        ConnectionSnapshot connection = demoConnection();
        sim.requestLog().reset();
        SyncRequested request = TestCycles.request(connection, SyncMode.FULL, Map.of(), Set.of(SyncScope.PRODUCTS));

        SyncCompleted done = TestCycles.completed(TestCycles.run(request));

        assertThat(done.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<Product> products = ofCycle(Topics.PRODUCTS, request.syncId(), BolSimResource.OFFERS, Product.class);
        assertThat(products).hasSize(BolSimResource.OFFERS);
        assertThat(products).extracting(Product::sku).contains("SKU-BOL-1000");
        assertThat(sim.requestLog().count("post-offer-export")).isEqualTo(1);
        assertThat(sim.requestLog().count("get-offer-export")).isEqualTo(1);
    }

    @Test
    @DisplayName("A stock command is set only on SUCCESS: a FAILURE is dead-lettered with bol's message while the others are set, and a TIMEOUT is retried until bol confirms it")
    void stockByProcessStatus() {
        ConnectionSnapshot connection = demoConnection();
        List<BolStore.Offer> offers = sim.store().offers().stream()
                .sorted(java.util.Comparator.comparing(BolStore.Offer::reference)).toList();
        BolStore.Offer ok = offers.get(3);
        BolStore.Offer failing = offers.get(4);
        BolStore.Offer timingOut = offers.get(5);

        // given bol will fail one offer's update
        sim.store().forceOutcome(failing.offerId(), BolStore.Outcome.FAILURE);
        SetStock command = TestStockCommands.setAll(connection, 31, ok.reference(), failing.reference());
        TestStockCommands.send(command);

        // then the failing one is dead-lettered with bol's message, the other one set
        String reason = TestStockCommands.reason(TestStockCommands.deadLetter(command));
        assertThat(reason).contains(failing.reference()).contains("FAILURE").contains("on hold");
        assertThat(sim.store().offer(ok.offerId()).orElseThrow().stock()).isEqualTo(31);
        assertThat(sim.store().offer(failing.offerId()).orElseThrow().stock()).isEqualTo(failing.stock());

        // given bol times out one update; when the command is sent, then the retry is confirmed and applied
        sim.store().forceOutcome(timingOut.offerId(), BolStore.Outcome.TIMEOUT);
        TestStockCommands.send(TestStockCommands.setAll(connection, 44, timingOut.reference()));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> sim.store().offer(timingOut.offerId()).orElseThrow().stock() == 44);
    }

    @Test
    @DisplayName("An expired token and a 429 with Retry-After are recovered within the cycle, a lasting 5xx fails it as marketplace_unavailable, a garbled detail as malformed_response, a FAILED export shows bol's message in the history, and after recovery no order is lost")
    void faults() {
        ConnectionSnapshot connection = demoConnection();
        sim.faults().next("get-orders", Fault.expiredToken());
        sim.faults().next("get-order", Fault.rateLimit(Duration.ofSeconds(1)));
        assertThat(TestCycles.completed(TestCycles.run(orders(connection, SyncMode.FULL, Map.of()))).outcome())
                .isEqualTo(SyncOutcome.SUCCESS);

        sim.faults().persistent("get-orders", Fault.serverError(503));
        SyncCompleted down = TestCycles.completed(TestCycles.run(orders(connection, SyncMode.FULL, Map.of())));
        assertThat(down.outcome()).isNotEqualTo(SyncOutcome.SUCCESS);
        assertThat(down.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);

        sim.faults().clear();
        sim.faults().next("get-order", Fault.malformedJson());
        SyncCompleted garbled = TestCycles.completed(TestCycles.run(orders(connection, SyncMode.FULL, Map.of())));
        assertThat(garbled.error().code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);

        sim.store().forceOutcome("export", BolStore.Outcome.FAILURE);
        SyncCompleted failedExport = TestCycles.completed(TestCycles.run(TestCycles.request(connection,
                SyncMode.FULL, Map.of(), Set.of(SyncScope.PRODUCTS))));
        assertThat(failedExport.outcome()).isNotEqualTo(SyncOutcome.SUCCESS);
        assertThat(failedExport.error().message()).contains("FAILURE").contains("could not be created");

        SyncRequested recovered = orders(connection, SyncMode.FULL, Map.of());
        assertThat(TestCycles.completed(TestCycles.run(recovered)).outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(ofCycle(Topics.ORDERS, recovered.syncId(), openOrders().size(), Order.class))
                .extracting(Order::externalId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(openOrders());
    }
}

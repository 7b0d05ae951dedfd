package io.nexusconnect.zalando.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestStockCommands;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.zalando.ZalandoSimulator;
import io.nexusconnect.sims.zalando.ZalandoStore;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whole cycles, exports, stock commands, Test Connection and faults over the real broker against the simulator. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZalandoSimResource.class, restrictToAnnotatedClass = false)
class ZalandoSyncTest {
    static final String SECOND_CHANNEL = "5e1b7c2a-9d3f-4a61-8b0e-2c4d6f8a1b3c";
    ZalandoSimulator sim;

    ConnectionSnapshot demoConnection() {
        return TestConnections.of(Marketplace.ZALANDO).label("Nexus Demo Zalando Merchant")
                .property("merchantId", sim.config().merchantId())
                .property("salesChannelIds", sim.config().salesChannelId() + "," + SECOND_CHANNEL)
                .secret("clientId", ZalandoSimulator.DEMO.clientId())
                .secret("clientSecret", ZalandoSimulator.DEMO.clientSecret()).build();
    }

    static SyncRequested ordersCycle(ConnectionSnapshot connection) {
        return TestCycles.request(connection, SyncMode.FULL, Map.of(), Set.of(SyncScope.ORDERS));
    }

    static List<Order> ofCycle(UUID syncId, int atLeast) {
        String marker = "\"syncId\":\"" + syncId + "\"";
        return KafkaTestClient.readUntil(Topics.ORDERS, all -> all.stream()
                        .filter(r -> r.value() != null && r.value().contains(marker)).count() >= atLeast,
                        TestCycles.WAIT).stream().filter(r -> r.value() != null && r.value().contains(marker))
                .peek(r -> TestCycles.assertValid(r, "/nexus/adapter-zalando"))
                .map(r -> Json.read(r.value(), Order.class)).toList();
    }

    List<String> unexported() {
        return sim.store().orders().stream().filter(o -> !o.exported()).map(o -> o.id).toList();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    @DisplayName("Orders arriving while the cycle exports pages are imported exactly once and exported exactly once, a multi-unit item is priced by its lines, and a second cycle (as after a restart) exports nothing again")
    void everyOrderImportedAndExportedExactlyOnceWhileOrdersArrive() {
        // given the unexported orders, and 8 new orders arriving with each of the next 4 order-list calls
        ConnectionSnapshot connection = demoConnection();
        List<String> before = unexported();
        sim.store().arriveDuringNextLists(8, 4);

        // when a cycle runs
        SyncRequested request = ordersCycle(connection);
        SyncCompleted done = TestCycles.completed(TestCycles.run(request));

        // then every order, the arrivals included, was published once and exported once
        assertThat(done.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(unexported()).isEmpty();
        int expected = before.size() + 32;
        List<Order> orders = ofCycle(request.syncId(), expected);
        assertThat(orders).extracting(Order::externalId).doesNotHaveDuplicates().hasSize(expected)
                .containsAll(before);
        assertThat(sim.store().orders()).allSatisfy(o -> assertThat(o.exportPatches).as(o.id).isEqualTo(1));
        Set<String> published = orders.stream().map(Order::externalId).collect(java.util.stream.Collectors.toSet());
        ZalandoStore.Order multi = sim.store().orders().stream().filter(o -> published.contains(o.id)
                && o.items.stream().anyMatch(i -> i.lines().size() > 1)).findFirst().orElseThrow();
        ZalandoStore.Item item = multi.items.stream().filter(i -> i.lines().size() > 1).findFirst().orElseThrow();
        OrderLine line = orders.stream().filter(o -> o.externalId().equals(multi.id)).findFirst().orElseThrow()
                .lines().stream().filter(l -> l.lineId().equals(item.id())).findFirst().orElseThrow();
        assertThat(line.quantity()).isEqualTo(item.lines().size());
        assertThat(line.lineTotal().decimal()).isEqualByComparingTo(item.lines().getFirst().amount()
                .multiply(BigDecimal.valueOf(item.lines().size())));
        assertThat(line.sku()).isEqualTo(item.ean());

        // when another cycle runs
        long patches = sim.requestLog().count(ZalandoSimulator.PATCH_ORDER);
        assertThat(TestCycles.completed(TestCycles.run(ordersCycle(connection))).outcome())
                .isEqualTo(SyncOutcome.SUCCESS);

        // then nothing was exported again
        assertThat(sim.requestLog().count(ZalandoSimulator.PATCH_ORDER)).isEqualTo(patches);
    }

    @Test
    @DisplayName("A failing export makes the cycle fail with the order named; the order stays unexported, and the next cycle exports it once")
    void failedExportIsReportedAndTakenNextCycle() {
        // given a new order and zDirect refusing every export
        ConnectionSnapshot connection = demoConnection();
        ZalandoStore.Order order = sim.store().addOrder();
        sim.faults().persistent(ZalandoSimulator.PATCH_ORDER, Fault.serverError(503));

        // when a cycle runs
        SyncCompleted failed = TestCycles.completed(TestCycles.run(ordersCycle(connection)));

        // then the history names the order, which is not exported
        assertThat(failed.outcome()).isNotEqualTo(SyncOutcome.SUCCESS);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(failed.error().message()).contains(order.orderNumber).contains("export");
        assertThat(order.exported()).isFalse();

        // when zDirect recovers and the next cycle runs
        sim.faults().clear();
        SyncRequested next = ordersCycle(connection);
        assertThat(TestCycles.completed(TestCycles.run(next)).outcome()).isEqualTo(SyncOutcome.SUCCESS);

        // then the order is published again and exported exactly once
        assertThat(ofCycle(next.syncId(), 1)).extracting(Order::externalId).contains(order.id);
        assertThat(order.exported()).isTrue();
        assertThat(order.exportPatches).isEqualTo(1);
    }

    @Test
    @DisplayName("An expired token and a 429 are recovered within the cycle, a lasting 5xx fails it as marketplace_unavailable, a malformed page as malformed_response, and after recovery every order is imported and exported once")
    void faults() {
        ConnectionSnapshot connection = demoConnection();
        ZalandoStore.Order first = sim.store().addOrder();
        sim.faults().next(ZalandoSimulator.GET_ORDERS, Fault.expiredToken());
        sim.faults().next(ZalandoSimulator.GET_ORDERS, Fault.rateLimit(Duration.ofSeconds(1)));
        assertThat(TestCycles.completed(TestCycles.run(ordersCycle(connection))).outcome())
                .isEqualTo(SyncOutcome.SUCCESS);
        assertThat(first.exportPatches).isEqualTo(1);

        ZalandoStore.Order second = sim.store().addOrder();
        sim.faults().persistent(ZalandoSimulator.GET_ORDERS, Fault.serverError(500));
        SyncCompleted down = TestCycles.completed(TestCycles.run(ordersCycle(connection)));
        assertThat(down.outcome()).isNotEqualTo(SyncOutcome.SUCCESS);
        assertThat(down.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);

        sim.faults().clear();
        sim.faults().next(ZalandoSimulator.GET_ORDERS, Fault.malformedJson());
        SyncCompleted garbled = TestCycles.completed(TestCycles.run(ordersCycle(connection)));
        assertThat(garbled.outcome()).isNotEqualTo(SyncOutcome.SUCCESS);
        assertThat(garbled.error().code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
        assertThat(second.exported()).isFalse();

        SyncRequested recovered = ordersCycle(connection);
        assertThat(TestCycles.completed(TestCycles.run(recovered)).outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(ofCycle(recovered.syncId(), 1)).extracting(Order::externalId).containsExactly(second.id);
        assertThat(second.exportPatches).isEqualTo(1);
    }

    @Test
    @DisplayName("A SetStock goes by EAN to every sales channel in batches of the configured size; a SKU that is no EAN ends in the DLQ with the reason")
    void stockInBatchesPerChannel() {
        ConnectionSnapshot connection = demoConnection();
        long before = sim.requestLog().count(ZalandoSimulator.POST_STOCKS);
        SetStock command = TestStockCommands.setAll(connection, 9, "4006380000011", "4006380000028",
                "4006380000035", "4006380000042", "NOT-AN-EAN");

        TestStockCommands.send(command);

        String reason = TestStockCommands.reason(TestStockCommands.deadLetter(command));
        assertThat(reason).contains("NOT-AN-EAN").contains("EAN");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                sim.store().stock(SECOND_CHANNEL, "4006380000042") == 9);
        assertThat(sim.store().stock(sim.config().salesChannelId(), "4006380000011")).isEqualTo(9);
        // 4 EANs x 2 channels = 8 updates in batches of 5
        assertThat(sim.requestLog().count(ZalandoSimulator.POST_STOCKS) - before).isEqualTo(2);
    }

    @Test
    @DisplayName("Test Connection proves the credentials with /auth/me and the merchant's orders")
    void testConnection() {
        ConnectionTestRequested request = new ConnectionTestRequested(UUID.randomUUID(), Marketplace.ZALANDO,
                demoConnection(), Instant.now(), Instant.now().plusSeconds(120));
        KafkaTestClient.publish(Topics.CONNECTION_TESTS, request);
        String id = request.requestId().toString();
        ConsumerRecord<String, String> reply = KafkaTestClient.readUntil(Topics.CONNECTION_TEST_REPLIES,
                        records -> records.stream().anyMatch(r -> r.value().contains(id)), TestCycles.WAIT).stream()
                .filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        ConnectionTestResult result = Json.read(reply.value(), ConnectionTestResult.class);

        assertThat(result.valid()).isTrue();
        assertThat(result.marketplaceName()).isEqualTo("Zalando zDirect");
    }
}

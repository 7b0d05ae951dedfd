package io.nexusconnect.kaufland.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.nexusconnect.sims.kaufland.model.OrderUnit;
import io.nexusconnect.sims.kaufland.model.Unit;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whole cycles, Test Connection and stock commands over the real broker against the Kaufland simulator. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KauflandSimResource.class, restrictToAnnotatedClass = false)
class KauflandSyncTest {
    KauflandSimulator sim;

    /** The demo seller on de, with at and cz as further storefronts. */
    static ConnectionSnapshot demoConnection() {
        return TestConnections.of(Marketplace.KAUFLAND).property("storefront", "de").property("storefronts", "at,cz")
                .secret("clientKey", KauflandSimulator.DEMO.clientKey())
                .secret("secretKey", KauflandSimulator.DEMO.secretKey()).build();
    }

    static <T> List<T> ofCycle(String topic, UUID syncId, int atLeast, Class<T> type) {
        String marker = "\"syncId\":\"" + syncId + "\"";
        List<ConsumerRecord<String, String>> mine = KafkaTestClient.readUntil(topic,
                        all -> all.stream().filter(r -> r.value().contains(marker)).count() >= atLeast, TestCycles.WAIT)
                .stream().filter(r -> r.value().contains(marker)).toList();
        mine.forEach(r -> TestCycles.assertValid(r, "/nexus/adapter-kaufland"));
        return mine.stream().map(r -> Json.read(r.value(), type)).toList();
    }

    @Test
    @DisplayName("A full cycle publishes every order of the lookback once, grouped from its units with a multi-piece line priced right, every unit as a product and one level per SKU; an incremental cycle only what changed")
    void fullThenIncremental() {
        // given the seeded seller and a new order of three pieces of one offer
        ConnectionSnapshot connection = demoConnection();
        Unit offer = sim.store().units().stream().filter(u -> u.storefront().equals("at")).findFirst().orElseThrow();
        // (seconds before the cycle: the update filter is inclusive at second resolution, so a unit updated in the
        // cycle's own second is read again by the next cycle, by design)
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        for (int piece = 0; piece < 3; piece++) {
            sim.store().put(new OrderUnit(900_000_000_000L + piece, "MULTI01", "at", "EUR", offer.idOffer(),
                    offer.ean(), offer.title(), offer.listingPrice(), 0, "need_to_be_sent", now, now,
                    "multi@example.com", "AT"));
        }

        // when a full cycle runs
        SyncCompleted full = TestCycles.completed(TestCycles.run(TestCycles.full(connection)));

        // then every order with a unit updated in the window comes exactly once, with all its units
        assertThat(full.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        Instant cursor = Instant.parse(full.cursors().get("orders.updatedFrom"));
        Instant windowStart = cursor.minus(Duration.ofDays(30));
        Map<String, List<OrderUnit>> unitsByOrder = sim.store().orderUnits().stream()
                .collect(Collectors.groupingBy(OrderUnit::idOrder));
        Set<String> expected = unitsByOrder.entrySet().stream().filter(e -> e.getValue().stream()
                        .anyMatch(u -> !u.tsUpdated().isBefore(windowStart) && !u.tsUpdated().isAfter(cursor)))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(expected).hasSizeGreaterThanOrEqualTo(900);
        List<Order> orders = ofCycle(Topics.ORDERS, full.syncId(), expected.size(), Order.class);
        assertThat(orders).extracting(Order::externalId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        for (Order order : orders) {
            List<OrderUnit> source = unitsByOrder.get(order.externalId());
            assertThat(order.lines().stream().mapToInt(OrderLine::quantity).sum()).as(order.externalId())
                    .isEqualTo(source.size());
            assertThat(order.salesChannel()).isEqualTo("kaufland." + source.getFirst().storefront());
        }
        assertThat(full.counts().orders()).isEqualTo(expected.size());

        // and the three-piece order is one line of quantity 3 at the unit's price in euros
        OrderLine line = orders.stream().filter(o -> o.externalId().equals("MULTI01")).findFirst().orElseThrow()
                .lines().getFirst();
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.unitPrice().decimal()).isEqualByComparingTo(BigDecimal.valueOf(offer.listingPrice(), 2));
        assertThat(line.lineTotal().decimal()).isEqualByComparingTo(BigDecimal.valueOf(offer.listingPrice() * 3, 2));

        // and every unit is a product of its storefront, every SKU one inventory level
        List<Product> products = ofCycle(Topics.PRODUCTS, full.syncId(), sim.store().units().size(), Product.class);
        assertThat(products).extracting(Product::externalId).doesNotHaveDuplicates()
                .hasSize(sim.store().units().size());
        List<InventoryLevel> levels = ofCycle(Topics.INVENTORY, full.syncId(), sim.store().units().size(),
                InventoryLevel.class);
        assertThat(levels).extracting(InventoryLevel::sku).doesNotHaveDuplicates();
        assertThat(levels.stream().filter(l -> l.sku().equals(offer.idOffer())).findFirst().orElseThrow().quantity())
                .isEqualTo(offer.amount());

        // when one old order gets a unit shipped and an incremental cycle runs from the cursors
        OrderUnit old = sim.store().orderUnits().stream().filter(u -> u.tsCreated().isBefore(windowStart))
                .filter(u -> unitsByOrder.get(u.idOrder()).size() > 1).findFirst()
                .orElse(sim.store().orderUnits().getFirst());
        Instant later = cursor.plusSeconds(1);
        sim.store().put(new OrderUnit(old.idOrderUnit(), old.idOrder(), old.storefront(), old.currency(),
                old.idOffer(), old.ean(), old.title(), old.price(), old.shippingRate(), "sent", old.tsCreated(), later,
                old.buyerEmail(), old.shippingCountry()));
        KauflandSimResource.CLOCK.shift(Duration.ZERO);
        await().until(() -> Instant.now().isAfter(later));
        SyncCompleted incremental = TestCycles.completed(TestCycles.run(TestCycles.request(connection,
                SyncMode.INCREMENTAL, full.cursors(), Set.of(SyncScope.ORDERS))));

        // then exactly that order comes, whole
        assertThat(incremental.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<Order> changed = ofCycle(Topics.ORDERS, incremental.syncId(), 1, Order.class);
        assertThat(changed).extracting(Order::externalId).containsExactly(old.idOrder());
        assertThat(changed.getFirst().lines().stream().mapToInt(OrderLine::quantity).sum())
                .isEqualTo(unitsByOrder.get(old.idOrder()).size());
    }

    @Test
    @DisplayName("Test Connection pings and proves the keys on every storefront of the connection")
    void testConnection() {
        ConnectionTestRequested request = new ConnectionTestRequested(UUID.randomUUID(), Marketplace.KAUFLAND,
                demoConnection(), Instant.now(), Instant.now().plusSeconds(120));
        long pings = sim.requestLog().count("ping", 200);
        KafkaTestClient.publish(Topics.CONNECTION_TESTS, request);
        String id = request.requestId().toString();
        ConsumerRecord<String, String> reply = KafkaTestClient.readUntil(Topics.CONNECTION_TEST_REPLIES,
                        records -> records.stream().anyMatch(r -> r.value().contains(id)), TestCycles.WAIT).stream()
                .filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        ConnectionTestResult result = Json.read(reply.value(), ConnectionTestResult.class);

        assertThat(result.valid()).isTrue();
        assertThat(result.marketplaceName()).isEqualTo("Kaufland kaufland.de, kaufland.at, kaufland.cz");
        assertThat(sim.requestLog().count("ping", 200)).isEqualTo(pings + 1);
    }

    @Test
    @DisplayName("A SetStock of 20 SKUs reads each storefront's units once and sends one bulk call per storefront; an unknown SKU ends in the DLQ")
    void stockInBulk() {
        // given 20 SKUs counted from the end (the sync test uses the first ones) and one SKU Kaufland does not know
        List<Unit> units = sim.store().units().subList(sim.store().units().size() - 19, sim.store().units().size());
        List<SetStock.Item> commands = new ArrayList<>();
        units.forEach(u -> commands.add(new SetStock.Item(u.idOffer(), u.amount() + 5, u.amount() + 7, 10)));
        commands.add(new SetStock.Item("NO-SUCH-SKU", 4, 6, 10));
        long bulkBefore = sim.requestLog().count("bulkUpdateUnits");
        ConnectionSnapshot connection = demoConnection();
        SetStock command = new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(),
                Marketplace.KAUFLAND, commands, Instant.now(), connection);

        // when the orchestrator publishes it
        KafkaTestClient.publish(Topics.stockCommands(Marketplace.KAUFLAND), command);

        // then every known amount is set, with one bulk call per storefront, and the unknown SKU is dead-lettered
        await().atMost(TestCycles.WAIT).until(() -> units.stream().allMatch(u ->
                sim.store().unit(u.idUnit()).orElseThrow().amount() == u.amount() + 5));
        String dlq = Topics.dlq(Topics.stockCommands(Marketplace.KAUFLAND));
        ConsumerRecord<String, String> dead = KafkaTestClient.readUntil(dlq, records -> records.stream()
                .anyMatch(r -> r.value().contains(command.commandId().toString())), TestCycles.WAIT).stream()
                .filter(r -> r.value().contains(command.commandId().toString())).findFirst().orElseThrow();
        StringBuilder headers = new StringBuilder();
        dead.headers().forEach(h -> headers.append(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(headers.toString()).contains("NO-SUCH-SKU");
        assertThat(sim.requestLog().count("bulkUpdateUnits") - bulkBefore).isEqualTo(3);
    }
}

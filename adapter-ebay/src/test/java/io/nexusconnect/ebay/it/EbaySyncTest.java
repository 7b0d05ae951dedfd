package io.nexusconnect.ebay.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.ebay.model.EbayLineItem;
import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.sims.ebay.model.InventoryRecord;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whole cycles, Test Connection and stock commands over the real broker against the eBay simulator. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EbaySimResource.class, restrictToAnnotatedClass = false)
class EbaySyncTest {
    EbaySimulator sim;

    static <T> List<T> ofCycle(String topic, ConnectionSnapshot connection, UUID syncId, int atLeast, Class<T> type) {
        String marker = "\"syncId\":\"" + syncId + "\"";
        String prefix = connection.connectionId() + "/";
        List<ConsumerRecord<String, String>> mine = KafkaTestClient.readUntil(topic,
                        all -> all.stream().filter(r -> r.value().contains(marker)).count() >= atLeast, Cycles.WAIT)
                .stream().filter(r -> r.value().contains(marker)).toList();
        assertThat(mine).allMatch(r -> r.key().startsWith(prefix));
        mine.forEach(Cycles::assertValid);
        return mine.stream().map(r -> Json.read(r.value(), type)).toList();
    }

    @Test
    @DisplayName("A full cycle publishes every order of the lookback once with all lines priced as eBay defines them, every item as a product with its health and stock, and an incremental cycle only what changed")
    void fullThenIncremental() {
        // given the demo seller's seeded orders and an order with a three-unit line
        ConnectionSnapshot connection = Cycles.demoConnection();
        InventoryRecord item = sim.items().stream().filter(i -> "ACTIVE".equals(i.listingStatus())).findFirst()
                .orElseThrow();
        EbayOrder multi = sim.store().addOrder(Map.of(item.sku(), 3));
        long pagesBefore = sim.requestLog().count("getOrders", 200);

        // when a full cycle runs
        SyncCompleted full = Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.FULL, Map.of())));

        // then it succeeded, and every order of the window is on nexus.orders.v1 exactly once with all its lines
        assertThat(full.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        Instant cursor = Instant.parse(full.cursors().get("orders.lastModifiedDate"));
        Instant windowStart = cursor.minus(Duration.ofDays(30));
        Map<String, EbayOrder> expected = sim.orders().stream()
                .filter(o -> !o.lastModifiedDate().isAfter(cursor) && !o.lastModifiedDate().isBefore(windowStart))
                .collect(Collectors.toMap(EbayOrder::orderId, Function.identity()));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(1000);
        List<Order> orders = ofCycle(Topics.ORDERS, connection, full.syncId(), expected.size(), Order.class);
        assertThat(orders).extracting(Order::externalId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Order order : orders) {
            EbayOrder source = expected.get(order.externalId());
            assertThat(order.lines()).as(order.externalId()).hasSize(source.lineItems().size());
            assertThat(order.updatedAt()).isEqualTo(source.lastModifiedDate());
            assertThat(order.total().decimal()).isEqualByComparingTo(source.sum(l -> l.total(true)));
        }
        assertThat(full.counts().orders()).isEqualTo(expected.size());
        assertThat(sim.requestLog().count("getOrders", 200) - pagesBefore)
                .isEqualTo((expected.size() + 199) / 200);

        // and the three-unit line has the unit price, the line total = unit × 3, and the collect-and-remit tax
        EbayLineItem sourceLine = multi.lineItems().getFirst();
        OrderLine line = orders.stream().filter(o -> o.externalId().equals(multi.orderId())).findFirst().orElseThrow()
                .lines().getFirst();
        assertThat(line.quantity()).isEqualTo(3);
        assertThat(line.unitPrice().decimal()).isEqualByComparingTo(item.price());
        assertThat(line.lineTotal().decimal()).isEqualByComparingTo(item.price().multiply(BigDecimal.valueOf(3)));
        assertThat(line.tax().decimal()).isEqualByComparingTo(sourceLine.tax());
        assertThat(line.unitPrice().currency()).isEqualTo("USD");

        // and every item is a product with the health its offer and listing give, and one inventory level
        List<Product> products = ofCycle(Topics.PRODUCTS, connection, full.syncId(), sim.items().size(), Product.class);
        assertThat(products).extracting(Product::sku).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sim.items().stream().map(InventoryRecord::sku).toList());
        Map<String, Product> bySku = products.stream().collect(Collectors.toMap(Product::sku, Function.identity()));
        for (InventoryRecord record : sim.items()) {
            ListingHealth.Verdict verdict = bySku.get(record.sku()).health().verdict();
            ListingHealth.Verdict want = !record.published() ? ListingHealth.Verdict.INCOMPLETE
                    : record.listingOnHold() ? ListingHealth.Verdict.SUPPRESSED
                    : "ACTIVE".equals(record.listingStatus()) ? ListingHealth.Verdict.ACTIVE
                    : ListingHealth.Verdict.INACTIVE;
            assertThat(verdict).as(record.sku()).isEqualTo(want);
        }
        List<InventoryLevel> levels = ofCycle(Topics.INVENTORY, connection, full.syncId(), sim.items().size(),
                InventoryLevel.class);
        assertThat(levels).extracting(InventoryLevel::sku).doesNotHaveDuplicates().hasSize(sim.items().size());
        assertThat(levels.stream().filter(l -> l.sku().equals(item.sku())).findFirst().orElseThrow().quantity())
                .isEqualTo(sim.store().item(item.sku()).orElseThrow().quantity());

        // when an order is shipped and another placed, and an incremental cycle runs from the cursors
        EbayOrder shipped = sim.store().updateOrder(expected.keySet().iterator().next(), "FULFILLED", "PAID",
                "NONE_REQUESTED");
        EbayOrder placed = sim.store().addOrder(Map.of(item.sku(), 1));
        SyncCompleted incremental = Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.INCREMENTAL,
                full.cursors(), java.util.Set.of(io.nexusconnect.contracts.sync.SyncScope.ORDERS))));

        // then exactly those two orders come, the shipped one as shipped
        assertThat(incremental.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<Order> changed = ofCycle(Topics.ORDERS, connection, incremental.syncId(), 2, Order.class);
        assertThat(changed).extracting(Order::externalId)
                .containsExactlyInAnyOrder(shipped.orderId(), placed.orderId());
        assertThat(changed.stream().filter(o -> o.externalId().equals(shipped.orderId())).findFirst().orElseThrow()
                .status().json()).isEqualTo("shipped");
    }

    @Test
    @DisplayName("Test Connection answers eBay US and the seller's business name from getUser")
    void testConnection() {
        ConnectionTestRequested request = new ConnectionTestRequested(UUID.randomUUID(), Marketplace.EBAY,
                Cycles.demoConnection(), Instant.now(), Instant.now().plusSeconds(120));
        KafkaTestClient.publish(Topics.CONNECTION_TESTS, request);
        String id = request.requestId().toString();
        ConsumerRecord<String, String> reply = KafkaTestClient.readUntil(Topics.CONNECTION_TEST_REPLIES,
                        records -> records.stream().anyMatch(r -> r.value().contains(id)), Cycles.WAIT).stream()
                .filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        Cycles.assertValid(reply);
        ConnectionTestResult result = Json.read(reply.value(), ConnectionTestResult.class);

        assertThat(result.valid()).isTrue();
        assertThat(result.marketplaceName()).isEqualTo("eBay US");
        assertThat(result.sellerName()).isEqualTo(EbaySimulator.DEMO.businessName());
    }

    @Test
    @DisplayName("A SetStock of 30 SKUs goes as two bulk calls (25 + 5); the known quantities are set and an unknown SKU ends in the DLQ with eBay's answer")
    void stockInBatchesOf25() {
        // given 29 items counted from the end (other tests use the first ones) and one SKU eBay does not know
        List<InventoryRecord> items = sim.items().subList(sim.items().size() - 29, sim.items().size());
        List<SetStock.Item> commands = new ArrayList<>();
        items.forEach(i -> commands.add(new SetStock.Item(i.sku(), i.quantity() + 5, i.quantity() + 7, 10)));
        commands.add(new SetStock.Item("NO-SUCH-SKU", 4, 6, 10));
        long callsBefore = sim.requestLog().count("bulkUpdatePriceQuantity");
        ConnectionSnapshot connection = Cycles.demoConnection();
        SetStock command = new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(),
                Marketplace.EBAY, commands, Instant.now(), connection);

        // when the orchestrator publishes it
        KafkaTestClient.publish(Topics.stockCommands(Marketplace.EBAY), command);

        // then every known quantity is set with two calls, and the unknown SKU is dead-lettered with errorId 25702
        await().atMost(Cycles.WAIT).until(() -> items.stream().allMatch(i ->
                sim.store().item(i.sku()).orElseThrow().quantity() == i.quantity() + 5));
        String dlq = Topics.dlq(Topics.stockCommands(Marketplace.EBAY));
        ConsumerRecord<String, String> dead = KafkaTestClient.readUntil(dlq, records -> records.stream()
                .anyMatch(r -> r.value().contains(command.commandId().toString())), Cycles.WAIT).stream()
                .filter(r -> r.value().contains(command.commandId().toString())).findFirst().orElseThrow();
        StringBuilder headers = new StringBuilder();
        dead.headers().forEach(h -> headers.append(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(headers.toString()).contains("NO-SUCH-SKU").contains("25702");
        assertThat(sim.requestLog().count("bulkUpdatePriceQuantity") - callsBefore).isEqualTo(2);
    }
}

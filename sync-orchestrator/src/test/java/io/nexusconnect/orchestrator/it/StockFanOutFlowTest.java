package io.nexusconnect.orchestrator.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.stock.StockLevel;
import io.nexusconnect.orchestrator.kafka.OrchestratorRuntime;
import io.nexusconnect.orchestrator.kafka.StockMember;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stock fan-out against the real broker: levels and marketplace reports in, SetStock per connection out. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class StockFanOutFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    OrchestratorRuntime runtime;
    @Inject
    TestClock clock;

    @Test
    @DisplayName("A stock level reaches each listing connection with its buffer; a sale on one marketplace reaches the others, never the source, and its echo nothing")
    void fanOutWithBuffersAndNoEcho() {
        StockMember member = ready(runtime.stock());
        String tenant = "tenant-stock-" + UUID.randomUUID();
        UUID amazon = connection(tenant, Marketplace.AMAZON, 10);
        UUID ebay = connection(tenant, Marketplace.EBAY, 0);
        await().atMost(WAIT).until(() -> member.knows(amazon) && member.knows(ebay));
        report(amazon, tenant, Marketplace.AMAZON, "SKU-1", 0, clock.instant());
        report(ebay, tenant, Marketplace.EBAY, "SKU-1", 0, clock.instant());

        KafkaTestClient.publish(Topics.STOCK_LEVELS, new StockLevel(tenant, "SKU-1", 101, clock.instant()));

        SetStock toAmazon = commands(Marketplace.AMAZON, amazon, list -> !list.isEmpty()).getFirst();
        assertThat(toAmazon.items()).containsExactly(new SetStock.Item("SKU-1", 90, 101, 10));
        assertThat(toAmazon.connection().connectionId()).isEqualTo(amazon);
        assertThat(EventSchemas.strictViolations(SetStock.TYPE, Json.write(toAmazon))).isEmpty();
        assertThat(commands(Marketplace.EBAY, ebay, list -> !list.isEmpty()).getFirst().items())
                .containsExactly(new SetStock.Item("SKU-1", 101, 101, 0));

        clock.advance(Duration.ofSeconds(30));
        report(amazon, tenant, Marketplace.AMAZON, "SKU-1", 90, clock.instant());
        report(amazon, tenant, Marketplace.AMAZON, "SKU-1", 85, clock.instant());

        List<SetStock> toEbay = commands(Marketplace.EBAY, ebay, list -> list.size() >= 2);
        assertThat(toEbay.get(1).items()).as("101 - 5 sold on Amazon").containsExactly(new SetStock.Item("SKU-1", 96, 96, 0));
        report(ebay, tenant, Marketplace.EBAY, "SKU-1", 96, clock.instant().plusSeconds(1));
        await().atMost(WAIT).until(() -> member.stock(tenant, "SKU-1")
                .map(stock -> stock.listings().get(ebay).lastReported() != null && stock.listings().get(ebay).lastReported() == 96)
                .orElse(false));
        assertThat(commands(Marketplace.AMAZON, amazon, list -> true)).as("the source is skipped, the echo ignored").hasSize(1);
        assertThat(commands(Marketplace.EBAY, ebay, list -> true)).as("its echo is not answered").hasSize(2);
    }

    @Test
    @DisplayName("Given a SKU listed on two marketplaces, when one connection's level of it is tombstoned, then it leaves the fan-out: the next stock level reaches only the other")
    void tombstonedListingLeavesTheFanOut() {
        StockMember member = ready(runtime.stock());
        String tenant = "tenant-delist-" + UUID.randomUUID();
        UUID amazon = connection(tenant, Marketplace.AMAZON, 0);
        UUID ebay = connection(tenant, Marketplace.EBAY, 0);
        await().atMost(WAIT).until(() -> member.knows(amazon) && member.knows(ebay));
        report(amazon, tenant, Marketplace.AMAZON, "SKU-D", 0, clock.instant());
        report(ebay, tenant, Marketplace.EBAY, "SKU-D", 0, clock.instant());
        await().atMost(WAIT).until(() -> member.stock(tenant, "SKU-D").map(s -> s.listings().size() == 2).orElse(false));

        KafkaTestClient.send(Topics.INVENTORY, Topics.recordKey(amazon.toString(), "SKU-D"), null, null);
        await().atMost(WAIT).until(() -> member.stock(tenant, "SKU-D")
                .map(s -> s.listings().keySet().equals(java.util.Set.of(ebay))).orElse(false));
        KafkaTestClient.publish(Topics.STOCK_LEVELS, new StockLevel(tenant, "SKU-D", 12, clock.instant()));

        assertThat(commands(Marketplace.EBAY, ebay, list -> !list.isEmpty()).getFirst().items())
                .containsExactly(new SetStock.Item("SKU-D", 12, 12, 0));
        assertThat(commands(Marketplace.AMAZON, amazon, list -> true)).as("no SetStock to the delisted listing").isEmpty();
        assertThat(KafkaTestClient.readAll(Topics.dlq(Topics.INVENTORY)).stream()
                .noneMatch(r -> Topics.recordKey(amazon.toString(), "SKU-D").equals(r.key())))
                .as("the tombstone is not poison").isTrue();
    }

    @Test
    @DisplayName("Two fan-out members split the SKUs: each change is sent exactly once, before and after one of them stops, with no re-send of unchanged values")
    void twoMembersSplitTheSkus() {
        StockMember first = ready(runtime.stock());
        String tenant = "tenant-split-" + UUID.randomUUID();
        UUID shop = connection(tenant, Marketplace.SHOPIFY, 0);
        await().atMost(WAIT).until(() -> first.knows(shop));
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            skus.add("SKU-" + i);
            report(shop, tenant, Marketplace.SHOPIFY, "SKU-" + i, 0, clock.instant());
        }
        StockMember second = runtime.newStockMember("replica-2");
        second.start();
        try {
            await().atMost(WAIT).until(() -> first.isReady() && second.isReady()
                    && first.partitions().size() == 3 && second.partitions().size() == 3);
            skus.forEach(sku -> KafkaTestClient.publish(Topics.STOCK_LEVELS, new StockLevel(tenant, sku, 10, clock.instant())));
            Map<String, List<Integer>> sent = quantitiesPerSku(shop, map -> map.size() == skus.size());
            assertThat(sent.values()).as("once per SKU").allSatisfy(list -> assertThat(list).containsExactly(10));
        } finally {
            second.stop();
        }
        await().atMost(WAIT).until(() -> first.isReady() && first.partitions().size() == 6);

        skus.forEach(sku -> KafkaTestClient.publish(Topics.STOCK_LEVELS, new StockLevel(tenant, sku, 10, clock.instant())));
        skus.forEach(sku -> KafkaTestClient.publish(Topics.STOCK_LEVELS, new StockLevel(tenant, sku, 7, clock.instant())));

        Map<String, List<Integer>> after = quantitiesPerSku(shop,
                map -> map.values().stream().filter(list -> list.contains(7)).count() == skus.size());
        assertThat(after.values()).as("the state moved with the partitions: 10 is not re-sent")
                .allSatisfy(list -> assertThat(list).containsExactly(10, 7));
    }

    private static StockMember ready(StockMember member) {
        assertThat(member).as("the fan-out runs").isNotNull();
        await().atMost(WAIT).until(member::isReady);
        return member;
    }

    private UUID connection(String tenant, Marketplace marketplace, int buffer) {
        UUID id = UUID.randomUUID();
        KafkaTestClient.publish(Topics.CONNECTIONS, new ConnectionSnapshot(id, tenant, marketplace, "acct-" + id, marketplace.displayName(),
                Map.of(), ConnectionState.ACTIVE, new ConnectionSettings(SyncInterval.DAILY, null, OrderLookback.THIRTY_DAYS, buffer,
                true, null), TenantPolicy.defaults(), Kafka.SEALER.seal(id.toString(), Kafka.SECRETS), 1, clock.instant()));
        return id;
    }

    /** What an adapter publishes on nexus.inventory.v1 (as JSON, so the test does not depend on optional fields). */
    private static void report(UUID connection, String tenant, Marketplace marketplace, String sku, int quantity, Instant at) {
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("connectionId", connection.toString());
        level.put("tenantId", tenant);
        level.put("marketplace", marketplace.id());
        level.put("sku", sku);
        level.put("quantity", quantity);
        level.put("fulfillmentChannel", "DEFAULT");
        level.put("observedAt", at.toString());
        KafkaTestClient.send(Topics.INVENTORY, Topics.recordKey(connection.toString(), sku), Json.write(level), null);
    }

    private static List<SetStock> commands(Marketplace marketplace, UUID connection, Predicate<List<SetStock>> until) {
        Predicate<List<ConsumerRecord<String, String>>> done = records -> until.test(parse(records, connection));
        return parse(KafkaTestClient.readUntil(Topics.stockCommands(marketplace), done, WAIT), connection);
    }

    private static Map<String, List<Integer>> quantitiesPerSku(UUID connection, Predicate<Map<String, List<Integer>>> until) {
        Predicate<List<ConsumerRecord<String, String>>> done = records -> until.test(perSku(parse(records, connection)));
        Map<String, List<Integer>> result = perSku(parse(KafkaTestClient.readUntil(Topics.stockCommands(Marketplace.SHOPIFY), done, WAIT),
                connection));
        assertThat(until.test(result)).as("commands arrived: %s", result).isTrue();
        return result;
    }

    private static Map<String, List<Integer>> perSku(List<SetStock> commands) {
        Map<String, List<Integer>> perSku = new LinkedHashMap<>();
        commands.forEach(command -> command.items().forEach(item ->
                perSku.computeIfAbsent(item.sku(), sku -> new ArrayList<>()).add(item.quantity())));
        return perSku;
    }

    private static List<SetStock> parse(List<ConsumerRecord<String, String>> records, UUID connection) {
        return records.stream().filter(record -> record.key() != null && record.key().startsWith(connection + "/"))
                .map(record -> Json.read(record.value(), SetStock.class)).toList();
    }
}

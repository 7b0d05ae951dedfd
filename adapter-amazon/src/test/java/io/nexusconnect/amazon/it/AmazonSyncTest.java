package io.nexusconnect.amazon.it;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.amazon.model.ListingIssue;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whole cycles against the Amazon simulator: full, incremental, and what each record and event looks like. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class AmazonSyncTest {
    AmazonSimulator sim;

    @Test
    @DisplayName("A full cycle publishes every seeded order once with its lines, every listing and its stock, and an incremental cycle from its cursors only what changed")
    void fullThenIncremental() {
        // given the demo seller's seeded orders and listings
        ConnectionSnapshot connection = Cycles.demoConnection();

        // when a full cycle runs
        List<SyncEvent> events = Cycles.run(Cycles.request(connection, SyncMode.FULL, Map.of()));

        // then it succeeded with cursors for both steps
        SyncCompleted full = Cycles.completed(events);
        assertThat(full.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(full.error()).isNull();
        Instant ordersCursor = Instant.parse(full.cursors().get("orders.lastUpdatedAfter"));
        assertThat(full.cursors()).containsKey("products.lastUpdatedAfter");

        // and every order of the window is on nexus.orders.v1 exactly once, with all its lines
        Instant windowStart = ordersCursor.plusSeconds(2).minus(Duration.ofDays(30));
        Map<String, SimOrder> expected = sim.orders().stream()
                .filter(o -> !o.lastUpdateDate().isAfter(ordersCursor) && !o.lastUpdateDate().isBefore(windowStart))
                .collect(Collectors.toMap(SimOrder::amazonOrderId, Function.identity()));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(1000);
        List<Order> orders = ofCycle(Topics.ORDERS, connection, full.syncId(), expected.size(), Order.class);
        assertThat(orders).extracting(Order::externalId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Order order : orders) {
            SimOrder source = expected.get(order.externalId());
            assertThat(order.lines()).as(order.externalId()).hasSize(source.items().size());
            assertThat(order.marketplaceStatus()).isEqualTo(source.status().wire());
            assertThat(order.updatedAt()).isEqualTo(source.lastUpdateDate());
        }
        assertThat(full.counts().orders()).isEqualTo(expected.size());

        // and every listing is a product and one inventory level (keyed connection/SKU) with all its channels
        // (the listings window closes at the products cursor, which other tests' recent stock changes may straddle)
        Instant productsCursor = Instant.parse(full.cursors().get("products.lastUpdatedAfter"));
        List<SimListing> listings = sim.listings().stream().filter(l -> !l.lastUpdatedDate().isAfter(productsCursor)).toList();
        List<Product> products = ofCycle(Topics.PRODUCTS, connection, full.syncId(), listings.size(), Product.class);
        assertThat(products).extracting(Product::sku).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(listings.stream().map(SimListing::sku).toList());
        long channels = listings.stream().filter(l -> !l.fulfillmentAvailability().isEmpty()).count();
        List<InventoryLevel> levels = ofCycle(Topics.INVENTORY, connection, full.syncId(), (int) channels, InventoryLevel.class);
        assertThat(levels).hasSize((int) channels).extracting(InventoryLevel::key).doesNotHaveDuplicates();
        SimListing sample = listings.getFirst();
        InventoryLevel sampleLevel = levels.stream().filter(l -> l.sku().equals(sample.sku())).findFirst().orElseThrow();
        sample.fulfillmentAvailability().forEach(a -> assertThat(sampleLevel.channels())
                .contains(new InventoryLevel.ChannelQuantity(a.fulfillmentChannelCode(), a.quantity())));
        assertThat(sampleLevel.quantity()).isEqualTo(sample.quantity());
        assertThat(full.counts().products()).isEqualTo(listings.size());

        // and every product carries its health: seeded suppressions as suppressed, missing attributes as incomplete,
        // buyable listings as active, each with Amazon's issues
        Map<String, Product> bySku = products.stream().collect(Collectors.toMap(Product::sku, Function.identity()));
        for (SimListing listing : listings) {
            ListingHealth health = bySku.get(listing.sku()).health();
            ListingHealth.Verdict expectedVerdict = listing.issues().stream().anyMatch(i -> i.enforces(ListingIssue.LISTING_SUPPRESSED))
                    ? ListingHealth.Verdict.SUPPRESSED : listing.status().contains("BUYABLE") ? ListingHealth.Verdict.ACTIVE
                    : listing.issues().isEmpty() ? ListingHealth.Verdict.INACTIVE : ListingHealth.Verdict.INCOMPLETE;
            assertThat(health.verdict()).as(listing.sku()).isEqualTo(expectedVerdict);
            assertThat(health.issues()).extracting(ListingHealth.Issue::code)
                    .containsExactlyElementsOf(listing.issues().stream().map(ListingIssue::code).toList());
        }
        assertThat(products).extracting(p -> p.health().verdict())
                .contains(ListingHealth.Verdict.SUPPRESSED, ListingHealth.Verdict.INCOMPLETE, ListingHealth.Verdict.ACTIVE);
        assertThat(full.counts().inventory()).isEqualTo(channels);

        // and the cycle reported start, a progress per page (at least 10 order pages of 100), then completion
        assertThat(events.getFirst()).isInstanceOf(SyncStarted.class);
        List<SyncProgress> progress = events.stream().filter(SyncProgress.class::isInstance).map(SyncProgress.class::cast).toList();
        assertThat(progress.stream().filter(p -> p.scope() == SyncScope.ORDERS)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(progress).isSortedAccordingTo(Comparator.comparingLong(p -> p.counts().total()));

        // when orders and a quantity change and a new order arrives
        List<String> changed = expected.keySet().stream().sorted().limit(3).toList();
        changed.forEach(id -> sim.updateOrder(id, OrderStatus.CANCELED));
        SimOrder added = sim.addOrder();
        SimListing restocked = sim.setQuantity(sample.sku(), sample.quantity() + 5);
        Instant lastChange = restocked.lastUpdatedDate();
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(lastChange.plusSeconds(3)));

        // and an incremental cycle runs from the returned cursors
        SyncCompleted incremental = Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.INCREMENTAL, full.cursors())));

        // then exactly the changed orders and the restocked listing came again
        assertThat(incremental.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        List<Order> again = ofCycle(Topics.ORDERS, connection, incremental.syncId(), 4, Order.class);
        assertThat(again).extracting(Order::externalId)
                .containsExactlyInAnyOrderElementsOf(concat(changed, added.amazonOrderId()));
        assertThat(again).filteredOn(o -> changed.contains(o.externalId()))
                .allMatch(o -> o.marketplaceStatus().equals("Canceled"));
        List<Product> reread = ofCycle(Topics.PRODUCTS, connection, incremental.syncId(), 1, Product.class);
        assertThat(reread).extracting(Product::sku).containsExactly(sample.sku());
        assertThat(Instant.parse(incremental.cursors().get("orders.lastUpdatedAfter"))).isAfter(ordersCursor);
    }

    private static List<String> concat(List<String> ids, String more) {
        return java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of(more)).toList();
    }

    /** The records of one cycle of one connection on a topic (each validated against its schema), parsed. */
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
}

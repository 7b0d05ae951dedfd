package io.nexusconnect.amazon.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SetStock batches above the feed threshold, through the simulator's Feeds API: per-SKU outcomes from the processing
 * report like the PATCH path's, and a FATAL feed retried as a whole.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class AmazonFeedStockTest {
    private static final String TOPIC = Topics.stockCommands(Marketplace.AMAZON);
    private static final Duration WAIT = Duration.ofSeconds(90);
    AmazonSimulator sim;

    @AfterEach
    void clear() {
        sim.feeds().clearRefusals();
    }

    /** Seller-fulfilled listings from the middle, so the PATCH tests' samples (start and end) are not touched. */
    private List<SimListing> sellerFulfilled(int skip, int count) {
        List<SimListing> mfn = sim.listings().stream().filter(l -> !l.fulfilledByAmazon()).toList();
        return mfn.subList(mfn.size() / 2 + skip, mfn.size() / 2 + skip + count);
    }

    private static SetStock command(ConnectionSnapshot connection, List<SetStock.Item> items) {
        return new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(), Marketplace.AMAZON,
                items, Instant.now(), connection);
    }

    private static List<SetStock.Item> plus(List<SimListing> listings, int delta) {
        return listings.stream().map(l -> new SetStock.Item(l.sku(), l.quantity() + delta, l.quantity() + delta + 2, 10))
                .toList();
    }

    private static String deadLetterReason(String key) {
        ConsumerRecord<String, String> dead = KafkaTestClient.readUntil(Topics.dlq(TOPIC),
                records -> records.stream().anyMatch(r -> key.equals(r.key())), WAIT).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        return KafkaTestClient.header(dead, "dlq.reason");
    }

    @Test
    @DisplayName("A batch above the threshold goes as one listings feed whose accepted messages set every quantity, without a single PATCH")
    void acceptedFeed() {
        // given five seller-fulfilled listings
        List<SimListing> listings = sellerFulfilled(0, 5);
        long feedsBefore = sim.feeds().feedIds().size();
        long patchesBefore = sim.requestLog().count("patchListingsItem");
        long lookupsBefore = sim.requestLog().count("searchListingsItems");

        // when one command sets all of them
        KafkaTestClient.publish(TOPIC, command(Cycles.demoConnection(), plus(listings, 7)));

        // then one feed set them all: one lookup, one document, one feed, no PATCH
        await().atMost(WAIT).until(() -> listings.stream()
                .allMatch(l -> sim.listing(l.sku()).orElseThrow().quantity() == l.quantity() + 7));
        assertThat(sim.feeds().feedIds()).hasSize((int) feedsBefore + 1);
        assertThat(sim.requestLog().count("searchListingsItems")).isEqualTo(lookupsBefore + 1);
        assertThat(sim.requestLog().count("patchListingsItem")).isEqualTo(patchesBefore);
    }

    @Test
    @DisplayName("SKUs the processing report finds invalid, FBA-only and unknown SKUs are rejected by name in the DLQ, and the others are set")
    void rejectedPerSku() {
        // given four seller-fulfilled listings, one of which Amazon will find invalid, an FBA-only and an unknown SKU
        List<SimListing> listings = sellerFulfilled(5, 4);
        SimListing refused = listings.get(1);
        sim.feeds().refuse(refused.sku());
        SimListing fba = sim.listings().stream().filter(SimListing::fulfilledByAmazon).skip(1).findFirst().orElseThrow();
        List<SetStock.Item> items = new ArrayList<>(plus(listings, 4));
        items.add(new SetStock.Item(fba.sku(), 1, 3, 10));
        items.add(new SetStock.Item("NO-SUCH-SKU-" + UUID.randomUUID(), 2, 4, 10));
        SetStock command = command(Cycles.demoConnection(), items);

        // when the command is consumed
        KafkaTestClient.publish(TOPIC, command);

        // then the DLQ names the three refusals with the report's issue, and only the other three are set
        String reason = deadLetterReason(command.key());
        assertThat(reason).contains("3 of 6 items")
                .contains(refused.sku() + ": feed ").contains("INVALID: ERROR 90000900 The attributes are invalid.")
                .contains(fba.sku() + ": fulfilled by Amazon only (AMAZON_NA)")
                .contains("NO-SUCH-SKU-");
        for (SimListing listing : listings) {
            int expected = listing == refused ? listing.quantity() : listing.quantity() + 4;
            assertThat(sim.listing(listing.sku()).orElseThrow().quantity()).as(listing.sku()).isEqualTo(expected);
        }
        assertThat(sim.listing(fba.sku()).orElseThrow()).isEqualTo(fba);
    }

    @Test
    @DisplayName("A FATAL feed fails the command as a whole, which the kit retries with a new feed that sets the quantities")
    void fatalFeedIsRetried() {
        // given the next feed ends FATAL
        List<SimListing> listings = sellerFulfilled(9, 4);
        int feedsBefore = sim.feeds().feedIds().size();
        sim.feeds().failNext("The feed could not be processed.");

        // when a command arrives
        KafkaTestClient.publish(TOPIC, command(Cycles.demoConnection(), plus(listings, 2)));

        // then a second feed, submitted on the retry, sets every quantity
        await().atMost(WAIT).until(() -> listings.stream()
                .allMatch(l -> sim.listing(l.sku()).orElseThrow().quantity() == l.quantity() + 2));
        assertThat(sim.feeds().feedIds()).hasSize(feedsBefore + 2);
    }
}

package io.nexusconnect.amazon.it;

import io.nexusconnect.adapterkit.stock.StockRejectedException;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stock commands as the orchestrator sends them, on {@code nexus.stock-commands.amazon.v1}, against the simulator's
 * patchListingsItem: quantities land on the listing, throttling is retried, refusals end in the DLQ with Amazon's answer.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class AmazonStockCommandsTest {
    private static final String TOPIC = Topics.stockCommands(Marketplace.AMAZON);
    private static final Duration WAIT = Duration.ofSeconds(90);
    AmazonSimulator sim;

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    /** Seller-fulfilled listings counted from the end, so other tests' samples (from the start) are not touched. */
    private SimListing sellerFulfilled(int fromEnd) {
        List<SimListing> mfn = sim.listings().stream().filter(l -> !l.fulfilledByAmazon()).toList();
        return mfn.get(mfn.size() - 1 - fromEnd);
    }

    private static SetStock command(ConnectionSnapshot connection, SetStock.Item... items) {
        return new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(), Marketplace.AMAZON,
                Arrays.asList(items), Instant.now(), connection);
    }

    private static SetStock.Item item(String sku, int quantity) {
        return new SetStock.Item(sku, quantity, quantity + 2, 10);
    }

    private static ConsumerRecord<String, String> deadLetter(String key) {
        return KafkaTestClient.readUntil(Topics.dlq(TOPIC), records -> records.stream().anyMatch(r -> key.equals(r.key())),
                WAIT).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String allHeaders(ConsumerRecord<String, String> record) {
        StringBuilder text = new StringBuilder();
        for (Header header : record.headers()) {
            text.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8)).append('\n');
        }
        return text.toString();
    }

    @Test
    @DisplayName("A SetStock on the topic sets the merchant-fulfilled quantity, which getListingsItem then shows")
    void quantityIsSet() {
        // given a seller-fulfilled listing and a command for a new quantity
        SimListing listing = sellerFulfilled(0);
        int target = listing.quantity() + 17;
        long patchesBefore = sim.requestLog().count("patchListingsItem", 200);

        // when the orchestrator publishes it
        KafkaTestClient.publish(TOPIC, command(Cycles.demoConnection(), item(listing.sku(), target)));

        // then the simulator's listing holds the new DEFAULT quantity after one accepted PATCH
        await().atMost(WAIT).until(() -> sim.listing(listing.sku()).orElseThrow().quantity() == target);
        SimListing after = sim.listing(listing.sku()).orElseThrow();
        assertThat(after.channel("DEFAULT").orElseThrow().quantity()).isEqualTo(target);
        assertThat(after.lastUpdatedDate()).isAfter(listing.lastUpdatedDate());
        assertThat(sim.requestLog().count("patchListingsItem", 200)).isEqualTo(patchesBefore + 1);
    }

    @Test
    @DisplayName("A 429 from patchListingsItem is waited out and retried, and the quantity is set")
    void throttlingIsRetried() {
        // given the next PATCH is throttled with Retry-After: 1
        SimListing listing = sellerFulfilled(1);
        int target = listing.quantity() + 3;
        long throttledBefore = sim.requestLog().count("patchListingsItem", 429);
        sim.faults().next("patchListingsItem", Fault.rateLimit(Duration.ofSeconds(1)));

        // when a command arrives
        KafkaTestClient.publish(TOPIC, command(Cycles.demoConnection(), item(listing.sku(), target)));

        // then it was throttled once and still applied
        await().atMost(WAIT).until(() -> sim.listing(listing.sku()).orElseThrow().quantity() == target);
        assertThat(sim.requestLog().count("patchListingsItem", 429)).isEqualTo(throttledBefore + 1);
    }

    @Test
    @DisplayName("An INVALID submission sends the command to the DLQ as a rejection with Amazon's issue, and nothing changes")
    void invalidSubmissionIsDeadLettered() {
        // given Amazon will find the next submission invalid
        SimListing listing = sellerFulfilled(2);
        sim.faults().next("patchListingsItem", Fault.invalidSubmission());
        ConnectionSnapshot connection = Cycles.demoConnection();
        SetStock command = command(connection, item(listing.sku(), listing.quantity() + 5));

        // when the command is consumed
        KafkaTestClient.publish(TOPIC, command);

        // then it is in the DLQ with the submission's status and issue, without any secret, and the quantity is as before
        ConsumerRecord<String, String> dead = deadLetter(command.key());
        assertThat(KafkaTestClient.header(dead, "dlq.error")).isEqualTo(StockRejectedException.class.getName());
        assertThat(KafkaTestClient.header(dead, "dlq.reason")).contains(listing.sku()).contains("INVALID")
                .contains("90000900").contains("fulfillment_availability");
        assertThat(KafkaTestClient.header(dead, "dlq.service")).isEqualTo("/nexus/adapter-amazon");
        assertThat(allHeaders(dead)).doesNotContain(AmazonSimulator.DEMO.refreshToken())
                .doesNotContain(AmazonSimulator.DEMO.lwaClientSecret());
        assertThat(sim.listing(listing.sku()).orElseThrow().quantity()).isEqualTo(listing.quantity());
    }

    @Test
    @DisplayName("In a batch, an FBA-only SKU and an unknown SKU are rejected while the seller-fulfilled SKU is set")
    void batchWithRefusedItems() {
        // given a batch of a seller-fulfilled SKU, an FBA-only SKU and a SKU Amazon does not know
        SimListing mfn = sellerFulfilled(3);
        SimListing fba = sim.listings().stream().filter(SimListing::fulfilledByAmazon).findFirst().orElseThrow();
        SetStock command = command(Cycles.demoConnection(), item(mfn.sku(), mfn.quantity() + 1),
                item(fba.sku(), 1), item("NO-SUCH-SKU-" + UUID.randomUUID(), 4));

        // when it is consumed
        KafkaTestClient.publish(TOPIC, command);

        // then the seller-fulfilled SKU is set, the FBA stock untouched, and the two refusals are named in the DLQ
        String reason = KafkaTestClient.header(deadLetter(command.key()), "dlq.reason");
        assertThat(reason).contains("2 of 3 items").contains(fba.sku() + ": fulfilled by Amazon only (AMAZON_NA)")
                .contains("NO-SUCH-SKU-").contains("404");
        assertThat(sim.listing(mfn.sku()).orElseThrow().quantity()).isEqualTo(mfn.quantity() + 1);
        assertThat(sim.listing(fba.sku()).orElseThrow()).isEqualTo(fba);
    }

    @Test
    @DisplayName("An unreadable stock command goes to the DLQ with its reason, and the next command still runs")
    void poisonToDlq() {
        // given garbage on the topic, followed by a good command
        String key = UUID.randomUUID() + "/SKU";
        KafkaTestClient.send(TOPIC, key, "{\"commandId\":42}", CloudEvents.headers(SetStock.TYPE, "/test", key));
        SimListing listing = sellerFulfilled(4);
        KafkaTestClient.publish(TOPIC, command(Cycles.demoConnection(), item(listing.sku(), listing.quantity() + 9)));

        // when consumed, then the garbage is dead-lettered with why, and the good command was applied
        ConsumerRecord<String, String> dead = deadLetter(key);
        assertThat(KafkaTestClient.header(dead, "dlq.reason")).contains("not a valid SetStock");
        assertThat(dead.value()).isEqualTo("{\"commandId\":42}");
        await().atMost(WAIT).until(() -> sim.listing(listing.sku()).orElseThrow().quantity() == listing.quantity() + 9);
    }
}

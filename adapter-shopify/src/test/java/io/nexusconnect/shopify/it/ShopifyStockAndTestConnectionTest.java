package io.nexusconnect.shopify.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimVariant;
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

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ShopifySimResource.class, restrictToAnnotatedClass = false)
class ShopifyStockAndTestConnectionTest {
    private static final String TOPIC = Topics.stockCommands(Marketplace.SHOPIFY);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long MAIN_WAREHOUSE = 71001;
    ShopifySimulator sim;

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    private static SetStock command(ConnectionSnapshot connection, SetStock.Item... items) {
        return new SetStock(UUID.randomUUID(), connection.connectionId(), connection.tenantId(), Marketplace.SHOPIFY,
                Arrays.asList(items), Instant.now(), connection);
    }

    private static SetStock.Item item(String sku, int quantity) {
        return new SetStock.Item(sku, quantity, quantity + 2, 10);
    }

    /** Variants stocked at the main warehouse, counted from the end so sync tests' samples are not touched. */
    private List<SimVariant> stocked() {
        List<SimVariant> all = sim.store().products().stream().flatMap(p -> p.variants().stream())
                .filter(v -> v.stockedAt(MAIN_WAREHOUSE)).toList();
        return all.subList(all.size() - 5, all.size());
    }

    @Test
    @DisplayName("A SetStock finds its SKUs with one productVariants lookup and sets the available quantities at the shop's online location with one inventorySetQuantities")
    void quantitiesAreSet() {
        // given two stocked variants and a command for new quantities
        List<SimVariant> variants = stocked();
        SimVariant a = variants.get(0);
        SimVariant b = variants.get(1);
        long mutations = sim.requestLog().count("inventorySetQuantities", 200);
        long lookups = sim.requestLog().count("productVariants", 200);

        // when the orchestrator publishes it
        KafkaTestClient.publish(TOPIC, command(Cycles.demoConnection(), item(a.sku(), 41), item(b.sku(), 0)));

        // then both quantities are set by a single mutation
        await().atMost(WAIT).until(() -> a.quantity(MAIN_WAREHOUSE, "available") == 41
                && b.quantity(MAIN_WAREHOUSE, "available") == 0);
        assertThat(sim.requestLog().count("inventorySetQuantities", 200)).isEqualTo(mutations + 1);
        assertThat(sim.requestLog().count("productVariants", 200)).isEqualTo(lookups + 1);
    }

    @Test
    @DisplayName("An unknown SKU is rejected into the DLQ with the reason while the other item is set")
    void unknownSkuIsRejected() {
        // given a command with a SKU the shop does not have
        SimVariant known = stocked().get(2);
        SetStock command = command(Cycles.demoConnection(), item("NO-SUCH-SKU", 5), item(known.sku(), 9));

        // when it is published
        KafkaTestClient.publish(TOPIC, command);

        // then the known SKU is set and the command is dead-lettered naming the unknown one
        await().atMost(WAIT).until(() -> known.quantity(MAIN_WAREHOUSE, "available") == 9);
        ConsumerRecord<String, String> dead = KafkaTestClient.readUntil(Topics.dlq(TOPIC),
                records -> records.stream().anyMatch(r -> r.value().contains(command.commandId().toString())), WAIT)
                .stream().filter(r -> r.value().contains(command.commandId().toString())).findFirst().orElseThrow();
        StringBuilder headers = new StringBuilder();
        for (Header h : dead.headers()) {
            headers.append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8)).append('\n');
        }
        assertThat(headers.toString()).contains("NO-SUCH-SKU").contains("no variant with this SKU");
    }

    @Test
    @DisplayName("Test Connection answers Shopify and the shop's name; a refused token is invalid_credentials")
    void testConnection() {
        // given the demo shop's connection, when it is tested, then the card gets the shop name
        ConnectionTestResult ok = ask(Cycles.demoConnection());
        assertThat(ok.valid()).isTrue();
        assertThat(ok.marketplaceName()).isEqualTo("Shopify");
        assertThat(ok.sellerName()).isEqualTo(ShopifySimulator.DEMO.name());

        // given a wrong token, then the answer is the classified failure
        ConnectionTestResult refused = ask(Cycles.connectionWithToken("shpat_" + "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"));
        assertThat(refused.valid()).isFalse();
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }

    private static ConnectionTestResult ask(ConnectionSnapshot connection) {
        ConnectionTestRequested request = new ConnectionTestRequested(UUID.randomUUID(), Marketplace.SHOPIFY,
                connection, Instant.now(), Instant.now().plusSeconds(120));
        KafkaTestClient.publish(Topics.CONNECTION_TESTS, request);
        String id = request.requestId().toString();
        ConsumerRecord<String, String> reply = KafkaTestClient.readUntil(Topics.CONNECTION_TEST_REPLIES,
                        records -> records.stream().anyMatch(r -> r.value().contains(id)), Cycles.WAIT).stream()
                .filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        Cycles.assertValid(reply);
        return Json.read(reply.value(), ConnectionTestResult.class);
    }
}

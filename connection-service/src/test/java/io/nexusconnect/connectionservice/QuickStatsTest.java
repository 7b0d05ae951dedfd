package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class QuickStatsTest {

    @Test
    @DisplayName("Quick stats count each product and each order of today once, however often they are synced or redelivered; other tenants' records count nowhere")
    void countedOncePerRecord() {
        UUID id = Fixtures.createConnection("t-stats");
        Instant now = Instant.now();

        Order today = order(id, "t-stats", "111-0000001", now);
        KafkaTestClient.publish(Topics.ORDERS, today);
        // an update of the same order, and a redelivery of the very same record (same ce_id)
        KafkaTestClient.publish(Topics.ORDERS, order(id, "t-stats", "111-0000001", now));
        String redelivered = Json.write(today);
        var headers = CloudEvents.headers("fixed-id-1", Order.TYPE, "/nexus/test", today.key(), now);
        KafkaTestClient.send(Topics.ORDERS, today.key(), redelivered, headers);
        KafkaTestClient.send(Topics.ORDERS, today.key(), redelivered, headers);
        KafkaTestClient.publish(Topics.ORDERS, order(id, "t-stats", "111-0000002", now));
        KafkaTestClient.publish(Topics.ORDERS, order(id, "t-stats", "111-0000003", now.minus(Duration.ofDays(2))));
        KafkaTestClient.publish(Topics.ORDERS, order(id, "t-intruder", "111-0000004", now));
        for (String sku : List.of("SKU-1", "SKU-2", "SKU-1", "SKU-3", "SKU-2")) {
            KafkaTestClient.publish(Topics.PRODUCTS, product(id, "t-stats", sku));
        }
        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "t-intruder", "SKU-9"));
        Fixtures.awaitConsumed("connection-service.quick-stats.orders", Topics.ORDERS);
        Fixtures.awaitConsumed("connection-service.quick-stats.products", Topics.PRODUCTS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("t-stats").get("/api/connections/" + id).then()
                .statusCode(200)
                .body("stats.ordersToday", equalTo(2))
                .body("stats.productsSynced", equalTo(3)));
        as("t-stats").get("/api/connections").then().body("find { it.id == '" + id + "' }.stats.ordersToday", equalTo(2));
    }

    @Test
    @DisplayName("Unhealthy listings count each listing whose newest verdict is not active, once, and a listing that recovers stops counting")
    void unhealthyListings() {
        UUID id = Fixtures.createConnection("t-health");
        ListingHealth suppressed = new ListingHealth(ListingHealth.Verdict.SUPPRESSED,
                List.of(new ListingHealth.Issue("18155", ListingHealth.Severity.ERROR, "Potential pricing error")));
        ListingHealth active = new ListingHealth(ListingHealth.Verdict.ACTIVE, List.of());

        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "t-health", "H-1", suppressed));
        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "t-health", "H-1", suppressed));
        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "t-health", "H-2",
                new ListingHealth(ListingHealth.Verdict.INCOMPLETE, List.of())));
        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "t-health", "H-3", suppressed));
        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "t-health", "H-3", active));
        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "t-health", "H-4"));
        KafkaTestClient.publish(Topics.PRODUCTS, product(id, "t-intruder", "H-5", suppressed));
        Fixtures.awaitConsumed("connection-service.quick-stats.products", Topics.PRODUCTS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("t-health").get("/api/connections/" + id).then()
                .statusCode(200)
                .body("stats.productsSynced", equalTo(4))
                .body("stats.unhealthyListings", equalTo(2)));
    }

    @Test
    @DisplayName("A record that cannot be read goes to the dead-letter topic and the counting goes on")
    void poisonRecord() {
        UUID id = Fixtures.createConnection("t-stats");
        KafkaTestClient.send(Topics.ORDERS, id + "/x", "{not json", null);
        KafkaTestClient.publish(Topics.ORDERS, order(id, "t-stats", "222-0000001", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("t-stats").get("/api/connections/" + id).then()
                .body("stats.ordersToday", equalTo(1)));
        Fixtures.awaitRecords(Topics.dlq(Topics.ORDERS), id + "/x", 1);
    }

    private static Order order(UUID connectionId, String tenant, String externalId, Instant purchasedAt) {
        return new Order(connectionId, tenant, Marketplace.AMAZON, externalId, externalId, OrderStatus.UNSHIPPED,
                "Unshipped", purchasedAt, Instant.now(), new Money("19.99", "USD"), "ATVPDKIKX0DER", "MFN", List.of(),
                UUID.randomUUID(), Instant.now());
    }

    private static Product product(UUID connectionId, String tenant, String sku) {
        return product(connectionId, tenant, sku, null);
    }

    private static Product product(UUID connectionId, String tenant, String sku, ListingHealth health) {
        return new Product(connectionId, tenant, Marketplace.AMAZON, sku, sku, "B000" + sku.replace("-", ""), "Thing " + sku,
                "PRODUCT", List.of("BUYABLE"), "ATVPDKIKX0DER", new Money("9.99", "USD"), Instant.now(), Instant.now(),
                UUID.randomUUID(), Instant.now(), health);
    }
}

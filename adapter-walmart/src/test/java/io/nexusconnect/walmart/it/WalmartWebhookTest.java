package io.nexusconnect.walmart.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestOrders;
import io.nexusconnect.adapterkit.testkit.TestRegistrations;
import io.nexusconnect.adapterkit.testkit.TestWebhookReceiver;
import io.nexusconnect.adapterkit.testkit.TestWebhooks;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.nexusconnect.sims.walmart.NotificationsApi;
import io.nexusconnect.sims.walmart.WalmartSimulator;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhook registration and webhook-driven orders over the real broker, the Walmart simulator and a gateway stand-in. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = WalmartSimResource.class, restrictToAnnotatedClass = false)
class WalmartWebhookTest {
    WalmartSimulator sim;
    TestWebhookReceiver receiver;

    static ConnectionSnapshot connection(UUID id, String secret, String previous) {
        TestConnections builder = TestConnections.of(Marketplace.WALMART).id(id).label("Nexus Demo Walmart Seller")
                .property("acknowledgeOrders", "false").secret("authScheme", "oauth")
                .secret("clientId", WalmartSimulator.DEMO.clientId())
                .secret("clientSecret", WalmartSimulator.DEMO.clientSecret()).secret("webhookSecret", secret);
        return previous == null ? builder.build() : builder.secret("webhookSecretPrevious", previous).build();
    }

    List<NotificationsApi.Subscription> subscriptionsOf(UUID connectionId) {
        return sim.subscriptions().stream().filter(s -> s.eventUrl.contains(connectionId.toString())).toList();
    }

    @Test
    @DisplayName("Registering subscribes the order events at the callback with the connection's HMAC secret, a rotation updates the secret in place, a placed order is pushed signed, retried after a 503 and published as the order a cycle publishes, and removal leaves no subscription")
    void registerPushRotateRemove() {
        // given a connection with a webhook secret, known to the gateway
        UUID id = UUID.randomUUID();
        ConnectionSnapshot first = connection(id, "wm-secret-one-0123456789abcdef", null);
        receiver.know(first);
        String callback = receiver.baseUrl() + "/api/webhooks/walmart/" + id;

        // when it is registered
        WebhookEndpoints registered = TestRegistrations.request(first, Action.REGISTER, Reason.CREATED);

        // then Walmart has one ACTIVE HMAC subscription per order event at the callback, and the answer lists them
        assertThat(registered.state()).isEqualTo(WebhookEndpoints.State.REGISTERED);
        assertThat(registered.endpoints()).extracting(WebhookEndpoints.Endpoint::topic)
                .containsExactlyInAnyOrder("PO_CREATED", "PO_LINE_AUTOCANCELLED");
        assertThat(registered.endpoints()).allSatisfy(e -> {
            assertThat(e.callbackUrl()).isEqualTo(callback);
            assertThat(e.status()).isEqualTo("ACTIVE");
        });
        assertThat(Json.write(registered)).doesNotContain("wm-secret-one");
        assertThat(subscriptionsOf(id)).hasSize(2).allSatisfy(s -> {
            assertThat(s.authDetails.path("authMethod").asText()).isEqualTo("HMAC");
            assertThat(s.clientSecret()).isEqualTo("wm-secret-one-0123456789abcdef");
        });
        List<String> ids = subscriptionsOf(id).stream().map(s -> s.subscriptionId).toList();

        // when the secret rotates (the old one still verifies during the overlap) and it is registered again
        ConnectionSnapshot rotated = connection(id, "wm-secret-two-fedcba9876543210", "wm-secret-one-0123456789abcdef");
        receiver.know(rotated);
        TestRegistrations.request(rotated, Action.REGISTER, Reason.SECRET_ROTATED);

        // then the same subscriptions carry the new secret
        assertThat(subscriptionsOf(id)).extracting(s -> s.subscriptionId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(subscriptionsOf(id)).allSatisfy(s -> assertThat(s.clientSecret()).isEqualTo("wm-secret-two-fedcba9876543210"));

        // when the gateway is away once and an order is placed
        receiver.failNext(1);
        WalmartSimulator.PlacedOrder placed = sim.placeOrder("WM-SKU-00002", 2);

        // then Walmart retried the signed push until it was taken, and the order is on the topic
        String po = placed.order().purchaseOrderId;
        assertThat(placed.pushes()).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> placed.pushes().getFirst().delivered()
                || placed.pushes().getFirst().abandoned());
        assertThat(placed.pushes().getFirst().statuses()).as("gateway answers %s", receiver.answers())
                .containsExactly(503, 200);
        Order fromWebhook = TestOrders.fromWebhook(po);

        // and it equals the order a cycle publishes for the same purchase order
        var cycle = TestCycles.incremental(rotated, Map.of("orders.lastModifiedDate",
                placed.order().orderDate.minusSeconds(1).toString()));
        SyncCompleted done = TestCycles.completed(TestCycles.run(cycle));
        assertThat(done.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        Order fromCycle = TestOrders.ofCycle(po, cycle.syncId());
        assertThat(fromWebhook).usingRecursiveComparison().ignoringFields("syncId", "observedAt").isEqualTo(fromCycle);
        assertThat(fromWebhook.lines().getFirst().quantity()).isEqualTo(2);

        // when the connection is removed
        WebhookEndpoints removed = TestRegistrations.request(rotated, Action.UNREGISTER, Reason.REMOVED);

        // then nothing pushes to it any more
        assertThat(removed.state()).isEqualTo(WebhookEndpoints.State.UNREGISTERED);
        assertThat(subscriptionsOf(id)).isEmpty();
    }

    @Test
    @DisplayName("A notification that is not an order event publishes nothing, and one naming a purchase order Walmart does not know is dead-lettered with the reason")
    void otherEventsAndUnknownOrders() {
        // given a connection, an item event and an order event for an unknown purchase order
        ConnectionSnapshot connection = connection(UUID.randomUUID(), "wm-secret-three-0123456789", null);
        WebhookReceived item = TestWebhooks.delivery(connection, "OFFER_UNPUBLISHED", UUID.randomUUID().toString(),
                "{\"source\":{\"eventType\":\"OFFER_UNPUBLISHED\"},\"payload\":{\"sku\":\"WM-SKU-00010\"}}");
        WebhookReceived unknown = TestWebhooks.delivery(connection, "PO_CREATED", UUID.randomUUID().toString(),
                "{\"source\":{\"eventType\":\"PO_CREATED\"},\"payload\":{\"purchaseOrderId\":\"9999999999999\"}}");

        // when both arrive
        TestWebhooks.send(item);
        TestWebhooks.send(unknown);

        // then the unknown order is dead-lettered naming Walmart's answer, and the item event (handled before it: one
        // connection's deliveries are in order) produced no order and no dead letter
        String reason = TestWebhooks.deadLetter(unknown).map(r -> KafkaTestClient.header(r, "dlq.reason"))
                .orElseThrow();
        assertThat(reason).contains("getAnOrder").contains("404");
        assertThat(KafkaTestClient.readAll(Topics.dlq(Topics.webhooks(Marketplace.WALMART))))
                .noneMatch(r -> r.value() != null && r.value().contains(item.webhookId().toString()));
        assertThat(KafkaTestClient.readAll(Topics.ORDERS)).noneMatch(r -> r.value() != null
                && r.value().contains(connection.connectionId().toString()));
    }
}

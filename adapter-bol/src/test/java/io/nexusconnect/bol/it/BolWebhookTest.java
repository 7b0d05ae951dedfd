package io.nexusconnect.bol.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestOrders;
import io.nexusconnect.adapterkit.testkit.TestRegistrations;
import io.nexusconnect.adapterkit.testkit.TestWebhookReceiver;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.nexusconnect.sims.bol.BolSimulator;
import io.nexusconnect.sims.bol.BolStore;
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

/** Webhook registration and webhook-driven orders over the real broker, the bol simulator and a gateway stand-in. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BolSimResource.class, restrictToAnnotatedClass = false)
class BolWebhookTest {
    BolSimulator sim;
    TestWebhookReceiver receiver;

    static ConnectionSnapshot connection(UUID id, String token) {
        return TestConnections.of(Marketplace.BOL).id(id).label("Nexus Demo Winkel")
                .secret("clientId", BolSimulator.DEMO.clientId())
                .secret("clientSecret", BolSimulator.DEMO.clientSecret()).secret("webhookToken", token).build();
    }

    List<Map<String, Object>> subscriptionsOf(UUID connectionId) {
        return sim.subscriptions().stream().filter(s -> s.get("url").toString().contains(connectionId.toString())).toList();
    }

    @Test
    @DisplayName("Registering subscribes ORDER pushes at the tokened callback once bol processed it and answers it with the token masked, a rotated token replaces the address, a new order's thin push is fetched into the order a cycle publishes, and removal leaves no subscription")
    void registerPushRotateRemove() {
        // given a connection with a path token, known to the gateway
        UUID id = UUID.randomUUID();
        String first = "bol-token-one-" + "c".repeat(32);
        ConnectionSnapshot connection = connection(id, first);
        receiver.know(connection);
        String callback = receiver.baseUrl() + "/api/webhooks/bol/" + id;

        // when it is registered
        WebhookEndpoints registered = TestRegistrations.request(connection, Action.REGISTER, Reason.CREATED);

        // then bol has one enabled WEBHOOK subscription of ORDER at the tokened address, answered masked
        assertThat(registered.state()).isEqualTo(WebhookEndpoints.State.REGISTERED);
        assertThat(registered.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo("ORDER");
            assertThat(e.callbackUrl()).isEqualTo(callback + "/****");
            assertThat(e.status()).isEqualTo("enabled");
        });
        assertThat(Json.write(registered)).doesNotContain(first);
        assertThat(subscriptionsOf(id)).singleElement().satisfies(s -> {
            assertThat(s.get("url")).isEqualTo(callback + "/" + first);
            assertThat(s.get("subscriptionType")).isEqualTo("WEBHOOK");
        });

        // when the token rotates and the connection is registered again
        String second = "bol-token-two-" + "d".repeat(32);
        ConnectionSnapshot rotated = connection(id, second);
        receiver.know(rotated);
        TestRegistrations.request(rotated, Action.REGISTER, Reason.SECRET_ROTATED);

        // then only the new address is subscribed
        assertThat(subscriptionsOf(id)).singleElement()
                .satisfies(s -> assertThat(s.get("url")).isEqualTo(callback + "/" + second));

        // when an order of three pieces is placed
        BolStore.Offer offer = sim.store().offers().iterator().next();
        BolSimulator.PlacedOrder placed = sim.placeOrder(offer.offerId(), 3);

        // then the push was taken and the fetched order is on the topic
        assertThat(placed.pushes()).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> placed.pushes().getFirst().delivered());
        String orderId = placed.order().orderId();
        Order fromWebhook = TestOrders.fromWebhook(orderId);
        assertThat(fromWebhook.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(3));

        // and it equals the order a cycle publishes
        var cycle = TestCycles.incremental(rotated, Map.of("orders.latestChangedDateTime",
                placed.order().placed().minusSeconds(1).toString()));
        SyncCompleted done = TestCycles.completed(TestCycles.run(cycle));
        assertThat(done.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(fromWebhook).usingRecursiveComparison().ignoringFields("syncId", "observedAt")
                .isEqualTo(TestOrders.ofCycle(orderId, cycle.syncId()));

        // when the connection is removed
        WebhookEndpoints removed = TestRegistrations.request(rotated, Action.UNREGISTER, Reason.REMOVED);

        // then nothing pushes to it any more
        assertThat(removed.state()).isEqualTo(WebhookEndpoints.State.UNREGISTERED);
        assertThat(subscriptionsOf(id)).isEmpty();
    }
}

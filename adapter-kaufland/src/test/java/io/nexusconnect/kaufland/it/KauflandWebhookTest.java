package io.nexusconnect.kaufland.it;

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
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.nexusconnect.sims.kaufland.api.SubscriptionsApi;
import io.nexusconnect.sims.kaufland.model.Unit;
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

/** Webhook registration and webhook-driven orders over the real broker, the Kaufland simulator and a gateway stand-in. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KauflandSimResource.class, restrictToAnnotatedClass = false)
class KauflandWebhookTest {
    KauflandSimulator sim;
    TestWebhookReceiver receiver;

    static ConnectionSnapshot connection(UUID id, String token) {
        return TestConnections.of(Marketplace.KAUFLAND).id(id).property("storefront", "de")
                .secret("clientKey", KauflandSimulator.DEMO.clientKey())
                .secret("secretKey", KauflandSimulator.DEMO.secretKey()).secret("webhookToken", token).build();
    }

    List<SubscriptionsApi.Subscription> subscriptionsOf(UUID connectionId) {
        return sim.subscriptions().stream().filter(s -> s.callbackUrl().contains(connectionId.toString())).toList();
    }

    @Test
    @DisplayName("Registering subscribes the order events at the tokened callback after Kaufland's handshake and answers them with the token masked, a rotated token replaces the address, a new order's thin push is fetched into the order a cycle publishes, and removal leaves no subscription")
    void registerPushRotateRemove() {
        // given a connection on the de storefront with a path token, known to the gateway
        UUID id = UUID.randomUUID();
        String first = "kl-token-one-" + "a".repeat(32);
        ConnectionSnapshot connection = connection(id, first);
        receiver.know(connection);
        String callback = receiver.baseUrl() + "/api/webhooks/kaufland/" + id;

        // when it is registered
        WebhookEndpoints registered = TestRegistrations.request(connection, Action.REGISTER, Reason.CREATED);

        // then Kaufland has an active subscription per order event at the tokened address, answered masked
        assertThat(registered.state()).isEqualTo(WebhookEndpoints.State.REGISTERED);
        assertThat(registered.endpoints()).extracting(WebhookEndpoints.Endpoint::topic)
                .containsExactlyInAnyOrder("order_new", "order_unit_status_changed");
        assertThat(registered.endpoints()).allSatisfy(e -> assertThat(e.callbackUrl()).isEqualTo(callback + "/****"));
        assertThat(Json.write(registered)).doesNotContain(first);
        assertThat(subscriptionsOf(id)).hasSize(2).allSatisfy(s -> {
            assertThat(s.callbackUrl()).isEqualTo(callback + "/" + first);
            assertThat(s.storefront()).isEqualTo("de");
            assertThat(s.fallbackEmail()).isEqualTo("webhooks@nexus.example");
        });

        // when the token rotates and the connection is registered again
        String second = "kl-token-two-" + "b".repeat(32);
        ConnectionSnapshot rotated = connection(id, second);
        receiver.know(rotated);
        TestRegistrations.request(rotated, Action.REGISTER, Reason.SECRET_ROTATED);

        // then only the new address is subscribed
        assertThat(subscriptionsOf(id)).hasSize(2).allSatisfy(s -> assertThat(s.callbackUrl()).isEqualTo(callback + "/" + second));

        // when an order of two pieces is placed
        Unit offer = sim.store().units().stream().filter(u -> u.storefront().equals("de")).findFirst().orElseThrow();
        KauflandSimulator.PlacedOrder placed = sim.placeOrder("de", offer.idOffer(), 2);

        // then the push was taken and the fetched order is on the topic
        assertThat(placed.pushes()).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> placed.pushes().getFirst().delivered());
        Order fromWebhook = TestOrders.fromWebhook(placed.idOrder());
        assertThat(fromWebhook.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(2));

        // and it equals the order a cycle publishes
        var cycle = TestCycles.incremental(rotated, Map.of("orders.updatedFrom",
                placed.units().getFirst().tsCreated().minusSeconds(5).toString()));
        SyncCompleted done = TestCycles.completed(TestCycles.run(cycle));
        assertThat(done.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(fromWebhook).usingRecursiveComparison().ignoringFields("syncId", "observedAt")
                .isEqualTo(TestOrders.ofCycle(placed.idOrder(), cycle.syncId()));

        // when the connection is removed
        WebhookEndpoints removed = TestRegistrations.request(rotated, Action.UNREGISTER, Reason.REMOVED);

        // then nothing pushes to it any more
        assertThat(removed.state()).isEqualTo(WebhookEndpoints.State.UNREGISTERED);
        assertThat(subscriptionsOf(id)).isEmpty();
    }
}

package io.nexusconnect.shopify.it;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.webhooks.SimSubscription;
import io.nexusconnect.sims.shopify.webhooks.WebhookDispatcher;
import io.nexusconnect.sims.shopify.webhooks.WebhookSettings;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end inside the adapter's test app: registration requests reconciled at the simulator and answered
 * on {@code nexus.webhook-endpoints.v1}; the simulator's signed pushes verified by a small receiver and published as
 * {@code WebhookReceived}; the adapter's orders from them equal to a cycle's; an uninstalled app failing the next
 * cycle with the revoked-token diagnosis.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ShopifySimResource.class, restrictToAnnotatedClass = false)
class ShopifyWebhooksTest {
    private static final String SHOP = ShopifySimulator.DEMO.myshopifyDomain();
    private static final Set<String> TOPICS = Set.of("ORDERS_CREATE", "ORDERS_UPDATED", "APP_UNINSTALLED",
            "PRODUCTS_UPDATE");
    ShopifySimulator sim;
    WebhookReceiver receiver;

    private String callback(ConnectionSnapshot connection) {
        return receiver.baseUrl() + "/api/webhooks/shopify/" + connection.connectionId();
    }

    private List<SimSubscription> subscriptionsOf(ConnectionSnapshot connection) {
        return sim.subscriptions().of(SHOP).stream().filter(s -> s.uri().equals(callback(connection))).toList();
    }

    private static WebhookEndpoints request(ConnectionSnapshot connection, Action action, Reason reason) {
        WebhookRegistrationRequested request = new WebhookRegistrationRequested(UUID.randomUUID(),
                connection.connectionId(), connection.tenantId(), connection.marketplace(), action, reason, connection,
                Instant.now());
        KafkaTestClient.publish(Topics.WEBHOOK_REGISTRATIONS, request);
        String id = request.requestId().toString();
        ConsumerRecord<String, String> answer = KafkaTestClient.readUntil(Topics.WEBHOOK_ENDPOINTS,
                        records -> records.stream().anyMatch(r -> r.value() != null && r.value().contains(id)),
                        Cycles.WAIT).stream().filter(r -> r.value() != null && r.value().contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer to registration request " + id));
        Cycles.assertValid(answer);
        return Json.read(answer.value(), WebhookEndpoints.class);
    }

    /** A connection of the demo shop whose webhooks are registered and whose deliveries the receiver takes. */
    private ConnectionSnapshot registeredConnection() {
        ConnectionSnapshot connection = Cycles.demoConnection();
        receiver.know(connection, WebhookSettings.DEMO_CLIENT_SECRET, SHOP);
        assertThat(request(connection, Action.REGISTER, Reason.CREATED).state())
                .isEqualTo(WebhookEndpoints.State.REGISTERED);
        return connection;
    }

    @Test
    @DisplayName("Registering creates one subscription per topic at the callback and answers them; registering again "
            + "changes nothing but a stale topic; unregistering leaves none")
    void registerReconcileUnregister() {
        // given a new connection
        ConnectionSnapshot connection = Cycles.demoConnection();

        // when its webhooks are registered
        WebhookEndpoints registered = request(connection, Action.REGISTER, Reason.CREATED);

        // then the shop pushes every topic to the callback, as the answer says
        assertThat(registered.state()).isEqualTo(WebhookEndpoints.State.REGISTERED);
        List<SimSubscription> subscriptions = subscriptionsOf(connection);
        assertThat(subscriptions).extracting(SimSubscription::topic).containsExactlyInAnyOrderElementsOf(TOPICS);
        assertThat(subscriptions).allSatisfy(s -> assertThat(s.apiVersion()).isEqualTo("2026-10"));
        assertThat(registered.endpoints()).extracting(WebhookEndpoints.Endpoint::externalId)
                .containsExactlyInAnyOrderElementsOf(subscriptions.stream().map(SimSubscription::id).toList());
        assertThat(registered.endpoints()).allSatisfy(e -> assertThat(e.callbackUrl()).isEqualTo(callback(connection)));

        // when a topic nexus does not want points at the callback and the connection is registered again
        sim.subscriptions().create(SHOP, "ORDERS_PAID", callback(connection), "JSON", null, null, null, "2026-10",
                Instant.now());
        long createsBefore = sim.requestLog().count("webhookSubscriptionCreate", 200);
        WebhookEndpoints again = request(connection, Action.REGISTER, Reason.RECONNECTED);

        // then the same subscriptions remain, nothing was created and the stale one is gone
        assertThat(again.endpoints()).extracting(WebhookEndpoints.Endpoint::externalId)
                .containsExactlyInAnyOrderElementsOf(registered.endpoints().stream()
                        .map(WebhookEndpoints.Endpoint::externalId).toList());
        assertThat(sim.requestLog().count("webhookSubscriptionCreate", 200)).isEqualTo(createsBefore);
        assertThat(subscriptionsOf(connection)).hasSize(TOPICS.size());

        // when the connection is removed, then none of its subscriptions is left
        WebhookEndpoints removed = request(connection, Action.UNREGISTER, Reason.REMOVED);
        assertThat(removed.state()).isEqualTo(WebhookEndpoints.State.UNREGISTERED);
        assertThat(subscriptionsOf(connection)).isEmpty();
    }

    @Test
    @DisplayName("Signed order pushes become normalized orders at once, equal field by field to what a cycle publishes "
            + "for the same orders")
    void orderWebhooksEqualTheCycle() {
        // given a registered connection and a cursor just before the changes
        ConnectionSnapshot connection = registeredConnection();
        Instant before = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);

        // when a seeded order ships and a new order with a discounted 3-unit line is placed
        SimOrder seeded = sim.store().orders().get(7);
        SimOrder shipped = sim.events().updateOrder(seeded.number(), "PAID", "FULFILLED", false);
        String sku = sim.store().products().get(2).variants().getFirst().sku();
        SimOrder placed = sim.events().createOrder(Map.of(sku, 3), new BigDecimal("5.00"));

        // then both pushes were verified and became orders before any cycle ran
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receiver.received().stream()
                .filter(r -> connection.connectionId().equals(r.connectionId()) && r.status() == 200).count())
                .as(() -> "received " + receiver.received() + ", deliveries " + sim.webhooks().deliveries().stream()
                        .map(d -> d.topic() + " " + d.uri() + " " + d.answers()).toList()).isEqualTo(2));
        List<Order> pushed = webhookOrders(connection, 2);
        assertThat(pushed).extracting(Order::externalId).containsExactlyInAnyOrder(shipped.id(), placed.id());
        assertThat(sim.webhooks().deliveries().stream().filter(d -> d.uri().equals(callback(connection))))
                .allSatisfy(d -> assertThat(d.answers()).containsExactly(200));

        // when a cycle reads the same window
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(placed.updatedAt().plusSeconds(1)));
        SyncCompleted cycle = Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.INCREMENTAL,
                Map.of("orders.updatedAtMin", before.toString()), Set.of(SyncScope.ORDERS))));
        assertThat(cycle.outcome()).isEqualTo(SyncOutcome.SUCCESS);

        // then each webhook order equals the cycle's: ids, status, dates, money and every line
        List<Order> polled = Cycles.records(Topics.ORDERS, connection.connectionId(), 4).stream()
                .map(r -> Json.read(r.value(), Order.class)).filter(o -> cycle.syncId().equals(o.syncId())).toList();
        for (Order fromWebhook : pushed) {
            Order fromCycle = polled.stream().filter(o -> o.externalId().equals(fromWebhook.externalId())).findFirst()
                    .orElseThrow();
            assertThat(fromWebhook).usingRecursiveComparison().ignoringFields("syncId", "observedAt")
                    .isEqualTo(fromCycle);
        }
        Order placedOrder = pushed.stream().filter(o -> o.externalId().equals(placed.id())).findFirst().orElseThrow();
        assertThat(placedOrder.lines().getFirst().quantity()).isEqualTo(3);
        assertThat(placedOrder.lines().getFirst().discount().decimal()).isEqualByComparingTo("5.00");
    }

    @Test
    @DisplayName("An uninstalled app is pushed as app/uninstalled, which asks for a cycle; the cycle fails as "
            + "invalid_credentials because Shopify revoked the token")
    void uninstalledApp() {
        // given a registered connection
        ConnectionSnapshot connection = registeredConnection();
        try {
            // when the merchant uninstalls the app
            List<WebhookDispatcher.Delivery> pushed = sim.events().uninstallApp();

            // then app/uninstalled reached the connection and a webhook-triggered cycle was asked for
            assertThat(pushed).anySatisfy(d -> assertThat(d.uri()).isEqualTo(callback(connection)));
            ConsumerRecord<String, String> command = KafkaTestClient.readUntil(Topics.SYNC_COMMANDS,
                    records -> records.stream().anyMatch(r -> connection.connectionId().toString().equals(r.key())),
                    Cycles.WAIT).stream().filter(r -> connection.connectionId().toString().equals(r.key()))
                    .findFirst().orElseThrow();
            SyncNowRequested requested = Json.read(command.value(), SyncNowRequested.class);
            assertThat(requested.trigger()).isEqualTo(SyncTrigger.WEBHOOK);
            assertThat(sim.subscriptions().of(SHOP)).isEmpty();

            // when that cycle runs, then it fails with the revoked-token diagnosis
            SyncCompleted failed = Cycles.completed(Cycles.run(Cycles.request(connection, requested.mode(),
                    Map.of("orders.updatedAtMin", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
                            .toString()), Set.of(SyncScope.ORDERS))));
            assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(failed.error().code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            assertThat(failed.error().rawResponse()).contains("Invalid API key or access token");

            // and removing the connection afterwards is answered unregistered: Shopify already dropped everything
            assertThat(request(connection, Action.UNREGISTER, Reason.REMOVED).state())
                    .isEqualTo(WebhookEndpoints.State.UNREGISTERED);
        } finally {
            sim.events().reinstallApp();
        }
    }

    /** The orders the adapter published from webhooks (no sync id) for the connection, once {@code count} are there. */
    private static List<Order> webhookOrders(ConnectionSnapshot connection, int count) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(Topics.ORDERS,
                rs -> rs.stream().filter(r -> r.key() != null
                        && r.key().startsWith(connection.connectionId() + "/")).count() >= count, Cycles.WAIT);
        return records.stream().filter(r -> r.key() != null && r.key().startsWith(connection.connectionId() + "/"))
                .peek(Cycles::assertValid).map(r -> Json.read(r.value(), Order.class))
                .filter(o -> o.syncId() == null).toList();
    }
}

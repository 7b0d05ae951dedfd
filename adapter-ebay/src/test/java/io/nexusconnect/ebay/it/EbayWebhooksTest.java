package io.nexusconnect.ebay.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.sims.ebay.model.InventoryRecord;
import io.nexusconnect.sims.ebay.notification.NotificationPusher;
import io.nexusconnect.sims.ebay.notification.NotificationState;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook registration and webhook-driven orders over the real broker, against the simulator's Notification API, with
 * a receiver in place of webhook-gateway that answers eBay's challenge and verifies the ECDSA signatures.
 */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EbaySimResource.class, restrictToAnnotatedClass = false)
class EbayWebhooksTest {
    EbaySimulator sim;

    @Test
    @DisplayName("Registering makes a destination eBay validated with a real challenge and an enabled ORDER_CONFIRMATION subscription; a rotated token updates the destination; unregistering leaves nothing")
    void registerRotateUnregister() {
        // given a connection the gateway knows with its first verification token
        ConnectionSnapshot first = connection(UUID.randomUUID(), "nexus-verification-token-first-000000000001");
        String endpoint = EbaySimResource.receiver.baseUrl() + "/api/webhooks/ebay/" + first.connectionId();
        int challengesBefore = EbaySimResource.receiver.challenges.get();

        // when it is registered
        request(first, Action.REGISTER, Reason.CREATED);
        WebhookEndpoints registered = answers(first.connectionId(), 1).getLast();

        // then eBay challenged the endpoint, holds one destination for it and the seller's subscription on it
        assertThat(registered.state()).isEqualTo(WebhookEndpoints.State.REGISTERED);
        assertThat(EbaySimResource.receiver.challenges.get()).isGreaterThan(challengesBefore);
        NotificationState.Destination destination = destination(endpoint);
        assertThat(destination.verificationToken()).isEqualTo("nexus-verification-token-first-000000000001");
        assertThat(subscriptions(destination)).singleElement().satisfies(s -> {
            assertThat(s.topicId()).isEqualTo("ORDER_CONFIRMATION");
            assertThat(s.status()).isEqualTo("ENABLED");
            assertThat(s.userId()).isEqualTo(EbaySimulator.DEMO.userId());
        });
        // and the answer lists it as eBay does
        assertThat(registered.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo("ORDER_CONFIRMATION");
            assertThat(e.callbackUrl()).isEqualTo(endpoint);
            assertThat(e.externalId()).isEqualTo(subscriptions(destination).getFirst().subscriptionId());
            assertThat(e.status()).isEqualTo("ENABLED");
        });

        // when the verification token rotates and the registration is asked again
        ConnectionSnapshot rotated = connection(first.connectionId(), "nexus-verification-token-second-00000000002");
        int challengesBeforeRotation = EbaySimResource.receiver.challenges.get();
        request(rotated, Action.REGISTER, Reason.SECRET_ROTATED);
        assertThat(answers(first.connectionId(), 2).getLast().state()).isEqualTo(WebhookEndpoints.State.REGISTERED);

        // then the same destination carries the new token, validated by a new challenge, with the same one subscription
        assertThat(destination(endpoint).destinationId()).isEqualTo(destination.destinationId());
        assertThat(destination(endpoint).verificationToken()).isEqualTo("nexus-verification-token-second-00000000002");
        assertThat(EbaySimResource.receiver.challenges.get()).isGreaterThan(challengesBeforeRotation);
        assertThat(subscriptions(destination)).hasSize(1);

        // when the connection is removed
        request(rotated, Action.UNREGISTER, Reason.REMOVED);

        // then nothing at eBay points at it any more
        assertThat(answers(first.connectionId(), 3).getLast().state()).isEqualTo(WebhookEndpoints.State.UNREGISTERED);
        assertThat(sim.notifications().destinations()).noneMatch(d -> d.endpoint().equals(endpoint));
        assertThat(sim.notifications().subscriptions()).noneMatch(s -> s.destinationId().equals(destination.destinationId()));
    }

    @Test
    @DisplayName("A signed ORDER_CONFIRMATION, refused once by the receiver and retried with the same id, becomes the order the cycle publishes, fetched with getOrder against the daily quota")
    void orderConfirmationBecomesTheCyclesOrder() {
        // given a registered connection
        ConnectionSnapshot connection = connection(UUID.randomUUID(), "nexus-verification-token-orders-0000000003");
        request(connection, Action.REGISTER, Reason.CREATED);
        assertThat(answers(connection.connectionId(), 1).getLast().state()).isEqualTo(WebhookEndpoints.State.REGISTERED);
        List<InventoryRecord> active = sim.items().stream().filter(i -> "ACTIVE".equals(i.listingStatus())).limit(2).toList();
        long getOrdersBefore = sim.requestLog().count("getOrder", 200);
        long quotaBefore = sim.quota().remaining(EbayApi.FULFILLMENT, EbaySimulator.DEMO.clientId());

        // when a buyer checks out two lines, and the receiver is away for the first push
        EbaySimResource.receiver.unavailable.set(1);
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put(active.get(0).sku(), 2);
        lines.put(active.get(1).sku(), 1);
        EbayOrder placed = sim.placeOrder(lines);

        // then each line's notification was verified and became the order on nexus.orders.v1, read with getOrder
        List<Order> pushed = ordersOf(connection, placed.orderId(), 2);
        assertThat(pushed).as("orders from pushes; %s; deliveries %s", EbaySimResource.receiver, sim.deliveries()).hasSize(2);
        assertThat(pushed).allSatisfy(o -> assertThat(o.syncId()).isNull());
        assertThat(sim.requestLog().count("getOrder", 200) - getOrdersBefore).isEqualTo(2);
        assertThat(quotaBefore - sim.quota().remaining(EbayApi.FULFILLMENT, EbaySimulator.DEMO.clientId()))
                .isGreaterThanOrEqualTo(2);
        // and the push the receiver refused was retried with the same notification id and the next attempt count
        await().atMost(Cycles.WAIT).until(() -> pushesOf(placed).stream().allMatch(NotificationPusher.Delivery::delivered));
        assertThat(pushesOf(placed)).hasSize(2).anySatisfy(d -> assertThat(d.attempts()).isEqualTo(2));

        // when a cycle reads the same order
        SyncCompleted cycle = Cycles.completed(Cycles.run(Cycles.request(connection, SyncMode.INCREMENTAL,
                Map.of("orders.lastModifiedDate", placed.creationDate().minusSeconds(1).toString()), Set.of(SyncScope.ORDERS))));
        Order polled = EbaySyncTest.ofCycle(Topics.ORDERS, connection, cycle.syncId(), 1, Order.class).stream()
                .filter(o -> o.externalId().equals(placed.orderId())).findFirst().orElseThrow();

        // then the webhook's order equals the cycle's but for the cycle id and when it was observed
        assertThat(pushed.getFirst()).usingRecursiveComparison().ignoringFields("syncId", "observedAt").isEqualTo(polled);
    }

    @Test
    @DisplayName("An authorization revocation of the connection's seller asks for a cycle; one of another seller of the keyset does not")
    void revocationAsksForACycle() {
        // given a connection of the demo seller and revocations delivered by the gateway for it and for another seller
        ConnectionSnapshot connection = connection(UUID.randomUUID(), "nexus-verification-token-revoked-000000004");
        String other = revocation("another_seller", "another0user0id");
        String ours = revocation(EbaySimulator.DEMO.username(), EbaySimulator.DEMO.userId());

        // when both are delivered, the other seller's first
        deliver(connection, "AUTHORIZATION_REVOCATION", "other-" + UUID.randomUUID(), other);
        deliver(connection, "AUTHORIZATION_REVOCATION", "ours-" + UUID.randomUUID(), ours);

        // then exactly one cycle is asked for the connection, by a webhook
        List<SyncNowRequested> asked = KafkaTestClient.readUntil(Topics.SYNC_COMMANDS,
                        all -> all.stream().anyMatch(r -> connection.connectionId().toString().equals(r.key())), Cycles.WAIT)
                .stream().filter(r -> connection.connectionId().toString().equals(r.key()))
                .map(r -> Json.read(r.value(), SyncNowRequested.class)).toList();
        assertThat(asked).singleElement().satisfies(s -> {
            assertThat(s.trigger()).isEqualTo(SyncTrigger.WEBHOOK);
            assertThat(s.mode()).isEqualTo(SyncMode.INCREMENTAL);
        });
    }

    @Test
    @DisplayName("An order notification whose order cannot be read because the daily quota is used up asks for a cycle, which then reports the limit")
    void usedUpQuotaLeavesTheOrderToACycle() {
        // given the Fulfillment API's daily quota is used up
        ConnectionSnapshot connection = connection(UUID.randomUUID(), "nexus-verification-token-quota-00000000005");
        String orderId = sim.orders().getLast().orderId();
        sim.quota().setLimit(EbayApi.FULFILLMENT, 0);
        try {
            // when the gateway delivers an ORDER_CONFIRMATION for it
            deliver(connection, "ORDER_CONFIRMATION", "quota-" + UUID.randomUUID(), "{\"metadata\":{\"topic\":"
                    + "\"ORDER_CONFIRMATION\",\"schemaVersion\":\"1.0\"},\"notification\":{\"notificationId\":\""
                    + UUID.randomUUID() + "\",\"publishAttemptCount\":1,\"data\":{\"orderId\":\"" + orderId + "\"}}}");

            // then a cycle is asked for the connection instead of an order being published
            List<SyncNowRequested> asked = KafkaTestClient.readUntil(Topics.SYNC_COMMANDS,
                            all -> all.stream().anyMatch(r -> connection.connectionId().toString().equals(r.key())), Cycles.WAIT)
                    .stream().filter(r -> connection.connectionId().toString().equals(r.key()))
                    .map(r -> Json.read(r.value(), SyncNowRequested.class)).toList();
            assertThat(asked).singleElement().satisfies(s -> assertThat(s.trigger()).isEqualTo(SyncTrigger.WEBHOOK));
            assertThat(KafkaTestClient.readAll(Topics.ORDERS))
                    .noneMatch(r -> r.key().startsWith(connection.connectionId() + "/"));
        } finally {
            sim.quota().setLimit(EbayApi.FULFILLMENT, io.nexusconnect.sims.ebay.EbaySimConfig.DEFAULT_DAILY_LIMITS
                    .get(EbayApi.FULFILLMENT));
        }
    }

    private static ConnectionSnapshot connection(UUID id, String verificationToken) {
        var demo = EbaySimulator.DEMO;
        ConnectionSnapshot connection = Cycles.connection(id, Map.of("username", demo.username(), "marketplaceId",
                        demo.marketplaceId()), Map.of("appId", demo.clientId(), "certId", demo.clientSecret(),
                        "refreshToken", demo.refreshToken(), "notificationVerificationToken", verificationToken),
                ConnectionSettings.defaults());
        EbaySimResource.receiver.know(connection, verificationToken);
        return connection;
    }

    private static void request(ConnectionSnapshot connection, Action action, Reason reason) {
        KafkaTestClient.publish(Topics.WEBHOOK_REGISTRATIONS, new WebhookRegistrationRequested(UUID.randomUUID(),
                connection.connectionId(), connection.tenantId(), Marketplace.EBAY, action, reason, connection,
                Instant.now()));
    }

    private static List<WebhookEndpoints> answers(UUID connectionId, int atLeast) {
        return KafkaTestClient.readUntil(Topics.WEBHOOK_ENDPOINTS,
                        all -> all.stream().filter(r -> connectionId.toString().equals(r.key())).count() >= atLeast,
                        Cycles.WAIT).stream()
                .filter(r -> connectionId.toString().equals(r.key()))
                .peek(r -> assertThat(EventSchemas.strictViolations(WebhookEndpoints.TYPE, r.value())).isEmpty())
                .map(r -> Json.read(r.value(), WebhookEndpoints.class)).toList();
    }

    private NotificationState.Destination destination(String endpoint) {
        return sim.notifications().destinations().stream().filter(d -> d.endpoint().equals(endpoint)).findFirst()
                .orElseThrow();
    }

    private List<NotificationState.Subscription> subscriptions(NotificationState.Destination destination) {
        return sim.notifications().subscriptions().stream()
                .filter(s -> s.destinationId().equals(destination.destinationId())).toList();
    }

    private List<NotificationPusher.Delivery> pushesOf(EbayOrder order) {
        return sim.deliveries().stream().filter(d -> d.topic().equals("ORDER_CONFIRMATION")
                && pushedIds(order).contains(d.notificationId())).toList();
    }

    /** The notification ids the receiver published for the order (its orderId is in their bodies). */
    private static Set<String> pushedIds(EbayOrder order) {
        return Set.copyOf(KafkaTestClient.readAll(Topics.webhooks(Marketplace.EBAY)).stream()
                .map(r -> Json.read(r.value(), WebhookReceived.class))
                .filter(w -> new String(w.bodyBytes(), StandardCharsets.UTF_8).contains(order.orderId()))
                .map(WebhookReceived::eventId).toList());
    }

    private static List<Order> ordersOf(ConnectionSnapshot connection, String orderId, int atLeast) {
        String key = connection.connectionId() + "/" + orderId;
        List<ConsumerRecord<String, String>> mine = KafkaTestClient.readUntil(Topics.ORDERS,
                        all -> all.stream().filter(r -> key.equals(r.key())).count() >= atLeast, Cycles.WAIT)
                .stream().filter(r -> key.equals(r.key())).toList();
        mine.forEach(Cycles::assertValid);
        return mine.stream().map(r -> Json.read(r.value(), Order.class)).toList();
    }

    private static String revocation(String username, String userId) {
        return "{\"metadata\":{\"topic\":\"AUTHORIZATION_REVOCATION\",\"schemaVersion\":\"1.0\",\"deprecated\":false},"
                + "\"notification\":{\"notificationId\":\"" + UUID.randomUUID() + "\",\"eventDate\":\"2026-11-30T09:00:00.000Z\","
                + "\"publishDate\":\"2026-11-30T09:00:00.100Z\",\"publishAttemptCount\":1,\"data\":{\"username\":\""
                + username + "\",\"userId\":\"" + userId + "\",\"revokeReason\":\"REVOKED_BY_USER\"}}}";
    }

    private static void deliver(ConnectionSnapshot connection, String topic, String eventId, String body) {
        KafkaTestClient.publish(Topics.webhooks(Marketplace.EBAY), WebhookReceived.of(UUID.randomUUID(), Marketplace.EBAY,
                connection.connectionId(), connection.tenantId(), topic, eventId, Instant.now(), Map.of(),
                "application/json", body.getBytes(StandardCharsets.UTF_8), "ebay-ecdsa", false).withConnection(connection));
    }
}

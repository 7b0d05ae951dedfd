package io.nexusconnect.adapterkit.webhook.registration;

import io.nexusconnect.adapterkit.consumer.OrderedPartitionConsumer;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's registration consumer on the real broker, with a registrar that keeps a marketplace's subscriptions in a
 * map the way a marketplace would (listing them by address), refuses one client key and is away for a first attempt
 * of another.
 */
class WebhookRegistrationKafkaTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BASE = "https://hooks.nexus.example";
    /** the "marketplace": callback address → topic */
    private static final Map<String, String> SUBSCRIPTIONS = new ConcurrentHashMap<>();
    private static final AtomicInteger AWAY = new AtomicInteger();
    private static EventPublisher publisher;
    private static OrderedPartitionConsumer loop;

    static final class KauflandLikeRegistrar implements WebhookRegistrar {
        @Override
        public Marketplace marketplace() {
            return Marketplace.KAUFLAND;
        }

        @Override
        public List<WebhookEndpoints.Endpoint> register(RegistrationContext context) {
            String key = context.credentials().require("clientKey").reveal();
            if (key.equals("refused")) {
                throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, "Kaufland answered 401 for the client key");
            }
            if (key.equals("flaky") && AWAY.getAndIncrement() == 0) {
                throw new MarketplaceException(ErrorCode.MARKETPLACE_UNAVAILABLE, "Kaufland answered 503");
            }
            String address = context.callback().url(context.credentials().require("webhookToken"));
            SUBSCRIPTIONS.keySet().removeIf(url -> context.callback().isOurs(url) && !url.equals(address));
            SUBSCRIPTIONS.put(address, "order_new");
            return SUBSCRIPTIONS.entrySet().stream().filter(e -> context.callback().isOurs(e.getKey()))
                    .map(e -> new WebhookEndpoints.Endpoint(e.getValue(), context.callback().masked(e.getKey()), null, "ACTIVE"))
                    .toList();
        }

        @Override
        public void unregister(RegistrationContext context) {
            SUBSCRIPTIONS.keySet().removeIf(url -> context.callback().isOurs(url));
        }
    }

    @BeforeAll
    static void start() {
        publisher = EventPublisher.create(SharedInfra.kafkaBootstrapServers(), "/nexus/adapter-kaufland", "registration-test");
        loop = new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(SharedInfra.kafkaBootstrapServers(),
                Topics.WEBHOOK_REGISTRATIONS, "adapter-kaufland-webhook-registrations-test", "registration-test", 1, 3,
                Duration.ofMillis(200)),
                new WebhookRegistrationHandler(new KauflandLikeRegistrar(), BASE, TestConnections.opener(), publisher,
                        Clock.systemUTC(), Duration.ofSeconds(30)), publisher, Clock.systemUTC()).start();
    }

    @AfterAll
    static void stop() {
        loop.close();
        publisher.close();
    }

    @Test
    @DisplayName("Registering answers the endpoints with the path token masked; a rotated token replaces the old address; removing unregisters")
    void registerRotateRemove() {
        // given a connection with a path token
        UUID id = UUID.randomUUID();
        ConnectionSnapshot first = connection(id, "good", "token-one-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

        // when it is registered, then registered again after its token rotated, then removed
        request(first, Action.REGISTER, Reason.CREATED);
        WebhookEndpoints registered = answers(id, 1).getLast();
        request(connection(id, "good", "token-two-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"), Action.REGISTER, Reason.SECRET_ROTATED);
        answers(id, 2);
        List<String> afterRotation = ours(id);
        request(first, Action.UNREGISTER, Reason.REMOVED);
        WebhookEndpoints removed = answers(id, 3).getLast();

        // then the first answer lists the one endpoint, its token masked, and no token is anywhere in the record
        assertThat(registered.state()).isEqualTo(WebhookEndpoints.State.REGISTERED);
        assertThat(registered.endpoints()).extracting(WebhookEndpoints.Endpoint::callbackUrl)
                .containsExactly(BASE + "/api/webhooks/kaufland/" + id + "/****");
        assertThat(Json.write(registered)).doesNotContain("token-one");
        // and after the rotation only the new address is subscribed
        assertThat(afterRotation).containsExactly(BASE + "/api/webhooks/kaufland/" + id + "/token-two-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        // and after removal nothing points at the connection
        assertThat(removed.state()).isEqualTo(WebhookEndpoints.State.UNREGISTERED);
        assertThat(ours(id)).isEmpty();
    }

    @Test
    @DisplayName("A refusal is answered failed with its code; a marketplace that is away is retried until it answers")
    void refusedAndAway() {
        // given a connection the marketplace refuses and one it is away for on the first attempt
        UUID refusedId = UUID.randomUUID();
        UUID flakyId = UUID.randomUUID();

        // when both are registered
        request(connection(refusedId, "refused", "token-refused-cccccccccccccccccccccccccc"), Action.REGISTER, Reason.CREATED);
        request(connection(flakyId, "flaky", "token-flaky-dddddddddddddddddddddddddddd"), Action.REGISTER, Reason.RECONNECTED);

        // then the refused one is failed, saying why, and the other registered after a retry
        WebhookEndpoints refused = answers(refusedId, 1).getLast();
        assertThat(refused.state()).isEqualTo(WebhookEndpoints.State.FAILED);
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(refused.message()).contains("401");
        assertThat(answers(flakyId, 1).getLast().state()).isEqualTo(WebhookEndpoints.State.REGISTERED);
        assertThat(AWAY.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("Another marketplace's request is left to its own adapter")
    void otherMarketplace() {
        // given a request for a bol connection, then one for Kaufland
        UUID bolId = UUID.randomUUID();
        UUID kauflandId = UUID.randomUUID();
        ConnectionSnapshot bol = TestConnections.of(Marketplace.BOL).id(bolId).secret("clientId", "c").build();
        KafkaTestClient.publish(Topics.WEBHOOK_REGISTRATIONS, new WebhookRegistrationRequested(UUID.randomUUID(), bolId,
                bol.tenantId(), Marketplace.BOL, Action.REGISTER, Reason.CREATED, bol, Instant.now()));

        // when the Kaufland one is answered
        request(connection(kauflandId, "good", "token-other-eeeeeeeeeeeeeeeeeeeeeeeeeeee"), Action.REGISTER, Reason.CREATED);
        answers(kauflandId, 1);

        // then the bol request got no answer from this adapter
        assertThat(KafkaTestClient.readAll(Topics.WEBHOOK_ENDPOINTS)).noneMatch(r -> bolId.toString().equals(r.key()));
    }

    private static ConnectionSnapshot connection(UUID id, String clientKey, String webhookToken) {
        return TestConnections.of(Marketplace.KAUFLAND).id(id).secret("clientKey", clientKey)
                .secret("secretKey", "s").secret("webhookToken", webhookToken).build();
    }

    private static void request(ConnectionSnapshot connection, Action action, Reason reason) {
        KafkaTestClient.publish(Topics.WEBHOOK_REGISTRATIONS, new WebhookRegistrationRequested(UUID.randomUUID(),
                connection.connectionId(), connection.tenantId(), connection.marketplace(), action, reason, connection,
                Instant.now()));
    }

    private static List<WebhookEndpoints> answers(UUID connectionId, int atLeast) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(Topics.WEBHOOK_ENDPOINTS,
                all -> all.stream().filter(r -> connectionId.toString().equals(r.key())).count() >= atLeast, WAIT);
        return records.stream().filter(r -> connectionId.toString().equals(r.key()))
                .peek(r -> assertThat(EventSchemas.strictViolations(WebhookEndpoints.TYPE, r.value())).isEmpty())
                .map(r -> Json.read(r.value(), WebhookEndpoints.class)).toList();
    }

    private static List<String> ours(UUID connectionId) {
        return SUBSCRIPTIONS.keySet().stream().filter(url -> url.contains(connectionId.toString())).toList();
    }
}

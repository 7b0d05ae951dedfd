package io.nexusconnect.adapterkit.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nexusconnect.adapterkit.consumer.OrderedPartitionConsumer;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestWebhooks;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook consumer on the real broker, with a Shopify-like handler: {@code inventory_levels/update} carries the
 * level (mapped to an InventoryLevel), {@code products/update} only says something changed (a sync is requested).
 */
class WebhookConsumerKafkaTest {
    private static final Marketplace MARKETPLACE = Marketplace.SHOPIFY;
    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
    private static final List<String> HANDLED = new CopyOnWriteArrayList<>();
    private static final List<String> OPENED = new CopyOnWriteArrayList<>();
    private static EventPublisher publisher;
    private static OrderedPartitionConsumer loop;

    static final class ShopifyLikeHandler implements WebhookHandler {
        @Override
        public Marketplace marketplace() {
            return MARKETPLACE;
        }

        @Override
        public void handle(WebhookContext context, WebhookSink sink) {
            WebhookReceived delivery = context.delivery();
            HANDLED.add(delivery.eventId());
            // the connection's credentials travel sealed with the delivery, for fetching what a thin payload names
            OPENED.add(context.credentials().map(c -> c.require("accessToken").reveal()).orElse("none"));
            if ("products/update".equals(delivery.topic())) {
                sink.requestSync(SyncMode.INCREMENTAL);
                return;
            }
            JsonNode body;
            try {
                body = Json.mapper().readTree(new String(delivery.bodyBytes(), StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new PoisonRecordException("body of " + delivery.topic() + " is not JSON");
            }
            sink.inventory(new InventoryLevel(delivery.connectionId(), delivery.tenantId(), MARKETPLACE,
                    body.path("sku").asText(), body.path("available").asInt(), InventoryLevel.SELLER_FULFILLED, null,
                    delivery.receivedAt(), null));
        }
    }

    @BeforeAll
    static void start() {
        publisher = EventPublisher.create(SharedInfra.kafkaBootstrapServers(), "/nexus/adapter-shopify", "webhook-test");
        loop = new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(SharedInfra.kafkaBootstrapServers(), Topics.webhooks(MARKETPLACE),
                "adapter-shopify-webhooks-test", "webhook-test", 2, 2, Duration.ofMillis(200)),
                new WebhookRecordHandler(new ShopifyLikeHandler(), TestConnections.opener(), publisher, Clock.systemUTC(), Duration.ofSeconds(30),
                        new KitMetrics(REGISTRY)), publisher, Clock.systemUTC()).start();
    }

    @AfterAll
    static void stop() {
        loop.close();
        publisher.close();
    }

    @Test
    @DisplayName("A delivery with data becomes a normalized record, a redelivery of its event is skipped, a thin one requests a webhook-triggered sync")
    void dataDuplicateAndThin() {
        // given a connection, an inventory webhook delivered twice with one event id, and a thin product webhook
        ConnectionSnapshot connection = TestConnections.of(MARKETPLACE).secret("accessToken", "shpat_x").build();
        WebhookReceived level = TestWebhooks.delivery(connection, "inventory_levels/update", "evt-1",
                "{\"sku\":\"TEE-S\",\"available\":7,\"unknown\":true}");
        WebhookReceived again = TestWebhooks.delivery(connection, "inventory_levels/update", "evt-1",
                "{\"sku\":\"TEE-S\",\"available\":7}");
        WebhookReceived thin = TestWebhooks.delivery(connection, "products/update", "evt-2", "{\"id\":1}");

        // when all three are consumed in order
        TestWebhooks.send(level);
        TestWebhooks.send(again);
        TestWebhooks.send(thin);

        // then the level was published once, validated
        List<InventoryLevel> levels = TestCycles.read(Topics.INVENTORY, connection.connectionId(), 1, InventoryLevel.class);
        assertThat(levels).extracting(InventoryLevel::sku, InventoryLevel::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TEE-S", 7));

        // and the thin delivery asked for an incremental cycle triggered by the webhook
        List<ConsumerRecord<String, String>> commands = KafkaTestClient.readUntil(Topics.SYNC_COMMANDS,
                records -> records.stream().anyMatch(r -> connection.connectionId().toString().equals(r.key())),
                TestCycles.WAIT).stream().filter(r -> connection.connectionId().toString().equals(r.key())).toList();
        SyncNowRequested command = Json.read(commands.getFirst().value(), SyncNowRequested.class);
        assertThat(command.trigger()).isEqualTo(SyncTrigger.WEBHOOK);
        assertThat(command.mode()).isEqualTo(SyncMode.INCREMENTAL);

        // and the duplicate never reached the handler
        await().atMost(TestCycles.WAIT).until(() -> HANDLED.contains("evt-2"));
        assertThat(HANDLED.stream().filter("evt-1"::equals)).hasSize(1);
        // and the handler could open the connection's credentials from the delivery
        assertThat(OPENED).contains("shpat_x");
        assertThat(REGISTRY.get(KitMetrics.WEBHOOKS).tag("result", "duplicate").counter().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("A delivery whose body cannot be read, or of another marketplace, is dead-lettered with the reason")
    void poison() {
        // given a broken body and a delivery for eBay on Shopify's topic
        ConnectionSnapshot connection = TestConnections.of(MARKETPLACE).secret("accessToken", "shpat_y").build();
        WebhookReceived broken = TestWebhooks.delivery(connection, "inventory_levels/update", "evt-9", "not json");
        WebhookReceived ebay = WebhookReceived.of(java.util.UUID.randomUUID(), Marketplace.EBAY, connection.connectionId(),
                connection.tenantId(), "ITEM_SOLD", "evt-10", java.time.Instant.now(), java.util.Map.of(),
                "application/json", "{}".getBytes(StandardCharsets.UTF_8), "ebay-ecdsa", false);

        // when both are consumed
        TestWebhooks.send(broken);
        KafkaTestClient.publish(Topics.webhooks(MARKETPLACE), ebay);

        // then both are in the DLQ with why
        assertThat(KafkaTestClient.header(TestWebhooks.deadLetter(broken).orElseThrow(), "dlq.reason"))
                .contains("is not JSON");
        ConsumerRecord<String, String> wrong = KafkaTestClient.readUntil(Topics.dlq(Topics.webhooks(MARKETPLACE)),
                records -> records.stream().anyMatch(r -> r.value().contains(ebay.webhookId().toString())), TestCycles.WAIT)
                .stream().filter(r -> r.value().contains(ebay.webhookId().toString())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(wrong, "dlq.reason")).contains("reached the shopify adapter");
    }
}

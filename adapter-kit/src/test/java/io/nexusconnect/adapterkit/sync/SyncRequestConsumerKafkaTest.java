package io.nexusconnect.adapterkit.sync;

import io.nexusconnect.adapterkit.consumer.OrderedPartitionConsumer;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sync-request consumer against the real broker of test-infra, with a small adapter whose "catalog" step
 * publishes products in pages and whose "orders" step fails when the connection says so.
 */
class SyncRequestConsumerKafkaTest {
    private static final Marketplace MARKETPLACE = Marketplace.KAUFLAND;
    private static final String TOPIC = Topics.syncRequests(MARKETPLACE);
    private static final String GROUP = "adapter-kaufland-test-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static EventPublisher publisher;
    private static OrderedPartitionConsumer loop;

    /** Three pages of two products; the orders step fails when the connection's property "fail" is set. */
    static final class CatalogCycle implements SyncCycle {
        @Override
        public Marketplace marketplace() {
            return MARKETPLACE;
        }

        @Override
        public List<SyncStep> steps(CycleContext context) {
            List<SyncStep> steps = new ArrayList<>();
            steps.add(new SyncStep("catalog", Set.of(SyncScope.PRODUCTS), sink -> {
                context.credentials().require("clientKey");
                for (int page = 0; page < 3; page++) {
                    for (int i = 0; i < 2; i++) {
                        String sku = "SKU-" + page + "-" + i;
                        sink.product(new Product(context.connection().connectionId(), context.connection().tenantId(),
                                MARKETPLACE, sku, sku, "EAN" + page + i, "Product " + sku, "default", List.of("active"),
                                "de", new Money("19.99", "EUR"), context.startedAt(), context.startedAt(), context.syncId(),
                                context.startedAt()));
                    }
                    sink.pageCompleted(SyncScope.PRODUCTS);
                }
                return Map.of("products.updatedAfter", context.startedAt().toString());
            }));
            steps.add(new SyncStep("orders", Set.of(SyncScope.ORDERS), sink -> {
                if ("true".equals(context.connection().property("failAfterCheckpoint"))) {
                    sink.checkpoint(Map.of("orders.updatedAfter", "2026-01-15T00:00:00Z"));
                    throw new MarketplaceException(ErrorCode.TIMEOUT, "the cycle did not finish before its deadline");
                }
                if ("true".equals(context.connection().property("fail"))) {
                    throw new MarketplaceException(ErrorCode.MARKETPLACE_UNAVAILABLE, "order-units answered HTTP 503", 503,
                            "<html>503 Service Unavailable</html>", "req-503", null, null);
                }
                return Map.of("orders.updatedAfter", context.startedAt().toString());
            }));
            return steps;
        }
    }

    @BeforeAll
    static void startConsumer() {
        publisher = EventPublisher.create(SharedInfra.kafkaBootstrapServers(), "/nexus/adapter-kit-test", "kit-test");
        CredentialOpener opener = CredentialOpener.fromConfig(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId());
        CycleRunner runner = new CycleRunner(new CatalogCycle(), publisher, opener, Clock.systemUTC(),
                Duration.ofMinutes(5), Duration.ofSeconds(30));
        loop = new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(SharedInfra.kafkaBootstrapServers(), TOPIC, GROUP, "kit-test",
                2, 3, Duration.ofMillis(200)), new SyncRequestHandler(MARKETPLACE, runner), publisher, Clock.systemUTC())
                .start();
    }

    @AfterAll
    static void stopConsumer() {
        loop.close();
        publisher.close();
    }

    private static SyncRequested request(Map<String, String> properties, Map<String, String> cursors) {
        UUID connectionId = UUID.randomUUID();
        KeyRing ring = KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId());
        var sealed = new CredentialSealer(ring).seal(connectionId.toString(),
                Map.of("clientKey", "0123456789abcdef0123456789abcdef", "secretKey", "f".repeat(64)));
        ConnectionSnapshot connection = new ConnectionSnapshot(connectionId, "tenant-kit", MARKETPLACE, null, "Kaufland DE",
                properties, ConnectionState.ACTIVE, ConnectionSettings.defaults(), TenantPolicy.defaults(), sealed, 1, Instant.now());
        return new SyncRequested(UUID.randomUUID(), connectionId, "tenant-kit", MARKETPLACE,
                Set.of(SyncScope.PRODUCTS, SyncScope.ORDERS), SyncMode.INCREMENTAL, cursors, OrderLookback.SEVEN_DAYS,
                SyncTrigger.MANUAL, 1, Instant.now(), connection);
    }

    private static List<ConsumerRecord<String, String>> syncEvents(UUID syncId, int atLeast) {
        List<ConsumerRecord<String, String>> all = KafkaTestClient.readUntil(Topics.SYNC_EVENTS,
                records -> records.stream().filter(r -> r.value().contains(syncId.toString())
                        && r.value().contains("\"kind\":\"completed\"")).count() >= 1, WAIT);
        List<ConsumerRecord<String, String>> mine = all.stream().filter(r -> r.value().contains(syncId.toString())).toList();
        assertThat(mine).hasSizeGreaterThanOrEqualTo(atLeast);
        return mine;
    }

    private static void assertValid(ConsumerRecord<String, String> record) {
        String type = KafkaTestClient.header(record, CloudEvents.TYPE);
        assertThat(EventSchemas.strictViolations(type, record.value())).as(type).isEmpty();
        assertThat(KafkaTestClient.header(record, CloudEvents.SOURCE)).isEqualTo("/nexus/adapter-kit-test");
    }

    @Test
    @DisplayName("A poison record lands in the DLQ with its reason, and the good record behind it on the same partition is processed")
    void poisonThenGood() {
        // given an unreadable record and then a valid request, both keyed by the same connection
        SyncRequested good = request(Map.of(), Map.of());
        String key = good.key();
        KafkaTestClient.send(TOPIC, key, "{not json", CloudEvents.headers(SyncRequested.TYPE, "/test", key));
        KafkaTestClient.publish(TOPIC, good);

        // when the consumer runs, then the poison record is in the DLQ with why and where from
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(Topics.dlq(TOPIC),
                records -> records.stream().anyMatch(r -> key.equals(r.key())), WAIT);
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(poison.value()).isEqualTo("{not json");
        assertThat(KafkaTestClient.header(poison, "dlq.reason")).contains("not a valid SyncRequested: value is not JSON");
        assertThat(KafkaTestClient.header(poison, "dlq.failure")).isEqualTo("poison");
        assertThat(KafkaTestClient.header(poison, "dlq.topic")).isEqualTo(TOPIC);
        assertThat(KafkaTestClient.header(poison, "dlq.offset")).matches("\\d+");
        assertThat(KafkaTestClient.header(poison, "dlq.service")).isEqualTo("/nexus/adapter-kit-test");

        // and the good request ran: started, one progress per page, completed with counts and both cursors
        List<ConsumerRecord<String, String>> events = syncEvents(good.syncId(), 5);
        events.forEach(SyncRequestConsumerKafkaTest::assertValid);
        List<SyncEvent> parsed = events.stream().map(r -> Json.read(r.value(), SyncEvent.class)).toList();
        assertThat(parsed.getFirst()).isInstanceOf(SyncStarted.class);
        assertThat(parsed.stream().filter(SyncProgress.class::isInstance).map(e -> ((SyncProgress) e).counts().products()))
                .containsExactly(2L, 4L, 6L);
        SyncCompleted completed = (SyncCompleted) parsed.getLast();
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(completed.counts().products()).isEqualTo(6);
        assertThat(completed.cursors()).containsKeys("products.updatedAfter", "orders.updatedAfter");
        assertThat(completed.error()).isNull();

        // and the six products are on their topic, keyed connectionId/sku
        List<ConsumerRecord<String, String>> products = KafkaTestClient.readUntil(Topics.PRODUCTS,
                records -> records.stream().filter(r -> r.key().startsWith(key)).count() >= 6, WAIT).stream()
                .filter(r -> r.key().startsWith(key)).toList();
        assertThat(products).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                key + "/SKU-0-0", key + "/SKU-0-1", key + "/SKU-1-0", key + "/SKU-1-1", key + "/SKU-2-0", key + "/SKU-2-1");
        products.forEach(SyncRequestConsumerKafkaTest::assertValid);

        // and the group's offset moved past the good record only after it completed
        await().atMost(WAIT).untilAsserted(() -> assertThat(committedOffsets().values().stream()
                .mapToLong(OffsetAndMetadata::offset).sum()).isGreaterThanOrEqualTo(2));
    }

    @Test
    @DisplayName("A SyncRequested carrying a field this adapter does not know (a newer orchestrator's, with a newer minor ce_type) runs its cycle")
    void unknownExtraFieldIsIgnored() throws Exception {
        // given a request from a newer orchestrator: an extra top-level field, an extra snapshot field, ce_type v1.1
        SyncRequested request = request(Map.of(), Map.of());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(Json.write(request));
        json.put("priority", "high");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("connection")).put("region", "eu-central");
        KafkaTestClient.send(TOPIC, request.key(), json.toString(),
                CloudEvents.headers(SyncRequested.TYPE + ".1", "/nexus/sync-orchestrator", request.key()));

        // when it is consumed, then the cycle ran to completion and nothing of it was dead-lettered
        SyncCompleted completed = Json.read(syncEvents(request.syncId(), 5).getLast().value(), SyncCompleted.class);
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(completed.counts().products()).isEqualTo(6);
        assertThat(KafkaTestClient.readAll(Topics.dlq(TOPIC))).noneMatch(r -> request.key().equals(r.key()));
    }

    @Test
    @DisplayName("A failing step makes the cycle partial: its cursor stays, the other step's advances, and the raw answer is kept")
    void failedStepKeepsItsCursor() {
        // given a connection whose orders step fails, with cursors from an earlier cycle
        SyncRequested request = request(Map.of("fail", "true"),
                Map.of("orders.updatedAfter", "2026-01-01T00:00:00Z", "products.updatedAfter", "2026-01-01T00:00:00Z"));

        // when it is requested
        KafkaTestClient.publish(TOPIC, request);

        // then the cycle completed as partial, orders kept the old cursor, products advanced
        List<ConsumerRecord<String, String>> events = syncEvents(request.syncId(), 5);
        events.forEach(SyncRequestConsumerKafkaTest::assertValid);
        SyncCompleted completed = Json.read(events.getLast().value(), SyncCompleted.class);
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(completed.cursors()).containsEntry("orders.updatedAfter", "2026-01-01T00:00:00Z");
        assertThat(completed.cursors().get("products.updatedAfter")).isNotEqualTo("2026-01-01T00:00:00Z");
        assertThat(completed.error().code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(completed.error().message()).startsWith("orders: ");
        assertThat(completed.error().rawResponse()).isEqualTo("<html>503 Service Unavailable</html>");
        assertThat(completed.error().requestId()).isEqualTo("req-503");
        assertThat(completed.error().httpStatus()).isEqualTo(503);
    }

    @Test
    @DisplayName("A step that fails after a checkpoint keeps the checkpointed cursor, not the old one, so a backfill advances")
    void checkpointSurvivesFailure() {
        // given a step that checkpoints mid-way and then runs out of time
        SyncRequested request = request(Map.of("failAfterCheckpoint", "true"),
                Map.of("orders.updatedAfter", "2026-01-01T00:00:00Z"));

        // when it is requested
        KafkaTestClient.publish(TOPIC, request);

        // then the cycle is partial with TIMEOUT, and the orders cursor moved to the checkpoint
        SyncCompleted completed = Json.read(syncEvents(request.syncId(), 5).getLast().value(), SyncCompleted.class);
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(completed.error().code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(completed.cursors()).containsEntry("orders.updatedAfter", "2026-01-15T00:00:00Z");
    }

    @Test
    @DisplayName("A request for another marketplace is poison for this adapter and goes to the DLQ, not to a cycle")
    void wrongMarketplaceIsPoison() {
        // given a request that says Amazon on the Kaufland topic
        SyncRequested kaufland = request(Map.of(), Map.of());
        String json = Json.write(kaufland).replace("\"marketplace\":\"kaufland\"", "\"marketplace\":\"amazon\"");
        KafkaTestClient.send(TOPIC, kaufland.key(), json, CloudEvents.headers(SyncRequested.TYPE, "/test", kaufland.key()));

        // when consumed, then it is dead-lettered with the reason
        ConsumerRecord<String, String> dead = KafkaTestClient.readUntil(Topics.dlq(TOPIC),
                records -> records.stream().anyMatch(r -> kaufland.key().equals(r.key())), WAIT).stream()
                .filter(r -> kaufland.key().equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(dead, "dlq.reason")).contains("reached the kaufland adapter");
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        }
    }
}

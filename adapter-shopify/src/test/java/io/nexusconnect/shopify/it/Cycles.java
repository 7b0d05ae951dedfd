package io.nexusconnect.shopify.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Black-box helpers: build and publish sync requests like the orchestrator, read what the adapter published. */
final class Cycles {
    static final Duration WAIT = Duration.ofMinutes(3);

    private Cycles() {
    }

    static ConnectionSnapshot connection(UUID connectionId, Map<String, String> properties, Map<String, String> secrets,
                                         ConnectionSettings settings) {
        KeyRing ring = KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId());
        return new ConnectionSnapshot(connectionId, "tenant-shopify-it", Marketplace.SHOPIFY,
                properties.get("shopDomain"), "Shopify", properties, ConnectionState.ACTIVE, settings, TenantPolicy.defaults(),
                new CredentialSealer(ring).seal(connectionId.toString(), secrets), 1, Instant.now());
    }

    static SyncRequested request(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors) {
        return request(connection, mode, cursors, Set.of(SyncScope.ORDERS, SyncScope.PRODUCTS, SyncScope.INVENTORY));
    }

    static SyncRequested request(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors,
                                 Set<SyncScope> scopes) {
        return new SyncRequested(UUID.randomUUID(), connection.connectionId(), connection.tenantId(), Marketplace.SHOPIFY,
                scopes, mode, cursors, OrderLookback.THIRTY_DAYS, SyncTrigger.MANUAL, 1, Instant.now(), connection);
    }

    /** A connection of the simulator's demo shop, sealed with this JVM's key ring; a new id each time. */
    static ConnectionSnapshot demoConnection() {
        var demo = io.nexusconnect.sims.shopify.ShopifySimulator.DEMO;
        return connection(UUID.randomUUID(), Map.of("shopDomain", demo.myshopifyDomain()),
                Map.of("adminApiAccessToken", demo.accessToken()), ConnectionSettings.defaults());
    }

    /** The same, with another access token (a revoked one, say). */
    static ConnectionSnapshot connectionWithToken(String token) {
        var demo = io.nexusconnect.sims.shopify.ShopifySimulator.DEMO;
        return connection(UUID.randomUUID(), Map.of("shopDomain", demo.myshopifyDomain()),
                Map.of("adminApiAccessToken", token), ConnectionSettings.defaults());
    }

    /** Publishes the request and waits for its SyncCompleted; answers every sync event of that cycle, in order. */
    static List<SyncEvent> run(SyncRequested request) {
        KafkaTestClient.publish(Topics.syncRequests(Marketplace.SHOPIFY), request);
        return events(request.syncId());
    }

    static List<SyncEvent> events(UUID syncId) {
        String id = syncId.toString();
        List<ConsumerRecord<String, String>> mine = KafkaTestClient.readUntil(Topics.SYNC_EVENTS,
                records -> records.stream().anyMatch(r -> r.value().contains(id) && r.value().contains("\"kind\":\"completed\"")),
                WAIT).stream().filter(r -> r.value().contains(id)).toList();
        assertThat(mine).as("sync events of " + id).isNotEmpty();
        mine.forEach(Cycles::assertValid);
        return mine.stream().map(r -> Json.read(r.value(), SyncEvent.class)).toList();
    }

    static SyncCompleted completed(List<SyncEvent> events) {
        assertThat(events.getLast()).isInstanceOf(SyncCompleted.class);
        return (SyncCompleted) events.getLast();
    }

    /** Every record of {@code topic} whose key belongs to the connection, from the beginning. */
    static List<ConsumerRecord<String, String>> records(String topic, UUID connectionId, int atLeast) {
        String prefix = connectionId + "/";
        return KafkaTestClient.readUntil(topic,
                        records -> records.stream().filter(r -> r.key() != null && r.key().startsWith(prefix)).count() >= atLeast,
                        WAIT).stream()
                .filter(r -> r.key() != null && r.key().startsWith(prefix))
                .toList();
    }

    /** Every event must carry its CloudEvents type and validate against that type's JSON Schema. */
    static void assertValid(ConsumerRecord<String, String> record) {
        String type = KafkaTestClient.header(record, CloudEvents.TYPE);
        assertThat(type).isNotNull();
        assertThat(KafkaTestClient.header(record, CloudEvents.SOURCE)).isEqualTo("/nexus/adapter-shopify");
        assertThat(EventSchemas.violations(type, record.value())).as(type + " " + record.key()).isEmpty();
    }
}

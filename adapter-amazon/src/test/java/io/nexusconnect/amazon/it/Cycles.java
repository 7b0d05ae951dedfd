package io.nexusconnect.amazon.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Amazon's names for the kit's test fixtures: connections of the simulator's sellers, cycles, published records. */
public final class Cycles {
    static final Duration WAIT = TestCycles.WAIT;
    private static final String SOURCE = "/nexus/adapter-amazon";

    private Cycles() {
    }

    static ConnectionSnapshot connection(UUID connectionId, Map<String, String> properties, Map<String, String> secrets,
                                         ConnectionSettings settings) {
        return TestConnections.of(Marketplace.AMAZON).id(connectionId).tenant("tenant-amazon-it").label("Amazon US")
                .accountId(properties.get("sellingPartnerId")).properties(properties).secrets(secrets).settings(settings)
                .build();
    }

    static SyncRequested request(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors) {
        return request(connection, mode, cursors, Set.of(SyncScope.ORDERS, SyncScope.PRODUCTS, SyncScope.INVENTORY));
    }

    static SyncRequested request(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors,
                                 Set<SyncScope> scopes) {
        return TestCycles.request(connection, mode, cursors, scopes);
    }

    /** A connection of the simulator's demo seller, sealed with this JVM's key ring; a new id each time. */
    public static ConnectionSnapshot demoConnection() {
        var demo = io.nexusconnect.sims.amazon.AmazonSimulator.DEMO;
        return connection(UUID.randomUUID(),
                Map.of("sellingPartnerId", demo.sellingPartnerId(), "marketplaceIds", demo.marketplaceId(),
                        "region", demo.region(), "sandbox", "false"),
                Map.of("lwaClientId", demo.lwaClientId(), "lwaClientSecret", demo.lwaClientSecret(),
                        "refreshToken", demo.refreshToken()),
                ConnectionSettings.defaults());
    }

    /** Publishes the request and waits for its SyncCompleted; answers every sync event of that cycle, in order. */
    static List<SyncEvent> run(SyncRequested request) {
        return TestCycles.run(request);
    }

    static List<SyncEvent> events(UUID syncId) {
        return TestCycles.events(syncId, SOURCE);
    }

    static SyncCompleted completed(List<SyncEvent> events) {
        return TestCycles.completed(events);
    }

    /** Every record of {@code topic} whose key belongs to the connection, from the beginning. */
    static List<ConsumerRecord<String, String>> records(String topic, UUID connectionId, int atLeast) {
        return TestCycles.records(topic, connectionId, atLeast);
    }

    /** Every event must carry its CloudEvents type and validate against that type's JSON Schema. */
    static void assertValid(ConsumerRecord<String, String> record) {
        TestCycles.assertValid(record, SOURCE);
    }
}

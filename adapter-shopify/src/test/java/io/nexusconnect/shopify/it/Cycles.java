package io.nexusconnect.shopify.it;

import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.webhooks.WebhookSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The kit's test jar with Shopify's demo shop: connections, cycles on the real broker, schema-checked reads. */
final class Cycles {
    static final Duration WAIT = TestCycles.WAIT;
    private static final String SOURCE = "/nexus/adapter-shopify";

    private Cycles() {
    }

    /** A connection of the simulator's demo shop, sealed with this JVM's key ring; a new id each time. */
    static ConnectionSnapshot demoConnection() {
        return connectionWithToken(ShopifySimulator.DEMO.accessToken());
    }

    /** The demo shop with another access token (a revoked one, say). */
    static ConnectionSnapshot connectionWithToken(String token) {
        String domain = ShopifySimulator.DEMO.myshopifyDomain();
        return TestConnections.of(Marketplace.SHOPIFY).accountId(domain).label("Shopify")
                .property("shopDomain", domain).secret("adminApiAccessToken", token)
                .secret("apiSecretKey", WebhookSettings.DEMO_CLIENT_SECRET).build();
    }

    static SyncRequested request(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors,
                                 Set<SyncScope> scopes) {
        return TestCycles.request(connection, mode, cursors, scopes);
    }

    static List<SyncEvent> run(SyncRequested request) {
        return TestCycles.run(request);
    }

    static SyncCompleted completed(List<SyncEvent> events) {
        return TestCycles.completed(events);
    }

    static List<ConsumerRecord<String, String>> records(String topic, UUID connectionId, int atLeast) {
        return TestCycles.records(topic, connectionId, atLeast);
    }

    static void assertValid(ConsumerRecord<String, String> record) {
        TestCycles.assertValid(record, SOURCE);
    }
}

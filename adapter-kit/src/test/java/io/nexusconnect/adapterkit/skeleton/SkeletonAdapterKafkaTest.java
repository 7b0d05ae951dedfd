package io.nexusconnect.adapterkit.skeleton;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nexusconnect.adapterkit.auth.AccessTokenCache;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClients;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.adapterkit.runtime.AdapterConsumers;
import io.nexusconnect.adapterkit.testkit.ManualTime;
import io.nexusconnect.adapterkit.testkit.TestApis;
import io.nexusconnect.adapterkit.testkit.TestConnections;
import io.nexusconnect.adapterkit.testkit.TestCycles;
import io.nexusconnect.adapterkit.testkit.TestStockCommands;
import io.nexusconnect.adapterkit.testkit.TestWebhooks;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The adapter skeleton of the README, built exactly from its files (this package and
 * {@code skeleton/application.properties}) on the test jar, running against a marketplace over real HTTP and the
 * real broker: a cycle, a stock command with a refused SKU, and a webhook.
 */
class SkeletonAdapterKafkaTest {
    private static final ManualTime TIME = ManualTime.at("2026-03-01T10:00:00Z");
    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
    private static ExampleMarketplace marketplace;
    private static Vertx vertx;
    private static MarketplaceApis apis;
    private static EventPublisher publisher;
    private static AdapterConsumers adapter;

    @BeforeAll
    static void startAdapter() {
        // what Quarkus would inject: the configured APIs, the token clients, the publisher and credentials
        marketplace = new ExampleMarketplace();
        vertx = Vertx.vertx();
        Map<String, String> overrides = new HashMap<>(TestApis.pointAt(ExampleApi.API, marketplace.url("/v1")));
        overrides.putAll(TestApis.pointAt(ExampleApi.TOKEN_API, marketplace.url("/token")));
        apis = TestApis.fromResource(vertx, TIME, REGISTRY, "skeleton/application.properties", overrides);
        KitMetrics metrics = new KitMetrics(REGISTRY);
        ExampleApi api = new ExampleApi(apis, new OAuth2TokenClients(apis, new AccessTokenCache(TIME, Duration.ofSeconds(60)),
                TIME, metrics));
        publisher = EventPublisher.create(SharedInfra.kafkaBootstrapServers(), "/nexus/adapter-walmart", "skeleton");
        CredentialOpener credentials = CredentialOpener.fromConfig(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId());
        adapter = AdapterConsumers.builder(AdapterConsumers.Settings.defaults(SharedInfra.kafkaBootstrapServers()),
                        publisher, credentials, Clock.systemUTC(), metrics)
                .cycle(new ExampleSyncCycle(api))
                .tester(new ExampleConnectionTester(api))
                .stockWriter(new ExampleStockWriter(api))
                .webhookHandler(new ExampleWebhookHandler())
                .start();
    }

    @AfterAll
    static void stopAdapter() {
        adapter.close();
        publisher.close();
        apis.close();
        vertx.closeAndAwait();
        marketplace.close();
    }

    private static ConnectionSnapshot connection() {
        return TestConnections.of(ExampleSyncCycle.MARKETPLACE)
                .secret("clientId", ExampleMarketplace.CLIENT_ID).secret("clientSecret", ExampleMarketplace.CLIENT_SECRET)
                .build();
    }

    @Test
    @DisplayName("The skeleton adapter syncs every offer's stock, sets stock with a refused SKU dead-lettered, and turns a webhook into a sync request")
    void wholeAdapter() {
        // given a connection with the marketplace's client credentials
        ConnectionSnapshot connection = connection();

        // when a full cycle runs, then every offer's level is published and the cursor advanced
        SyncCompleted completed = TestCycles.completed(TestCycles.run(TestCycles.full(connection)));
        assertThat(completed.outcome()).isEqualTo(SyncOutcome.SUCCESS);
        assertThat(completed.cursors()).containsKey(ExampleSyncCycle.CURSOR);
        assertThat(TestCycles.read(Topics.INVENTORY, connection.connectionId(), 3, InventoryLevel.class))
                .extracting(InventoryLevel::sku).containsExactlyInAnyOrder("SKU-1", "SKU-2", "SKU-3");

        // when stock is set for a known and an unknown SKU, then the known one is set and the unknown one named in the DLQ
        SetStock command = TestStockCommands.setAll(connection, 9, "SKU-2", "GONE-1");
        TestStockCommands.send(command);
        assertThat(TestStockCommands.reason(TestStockCommands.deadLetter(command)))
                .contains("1 of 2 items").contains("GONE-1").contains("not found");
        assertThat(marketplace.stock).containsEntry("SKU-2", 9);

        // when a webhook arrives, then an incremental cycle triggered by it is requested
        TestWebhooks.send(TestWebhooks.delivery(connection, "offer_changed", "evt-1", "{\"sku\":\"SKU-3\"}"));
        String key = connection.connectionId().toString();
        SyncNowRequested requested = Json.read(KafkaTestClient.readUntil(Topics.SYNC_COMMANDS,
                        records -> records.stream().anyMatch(r -> key.equals(r.key())), TestCycles.WAIT).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow().value(), SyncNowRequested.class);
        assertThat(requested.trigger()).isEqualTo(SyncTrigger.WEBHOOK);

        // and one token served every call, with the calls measured per operation
        assertThat(marketplace.tokensIssued).hasValue(1);
        await().atMost(TestCycles.WAIT).until(adapter::healthy);
        assertThat(REGISTRY.get(KitMetrics.CALLS).tags("operation", ExampleApi.PUT_STOCK, "outcome", "client_error")
                .timer().count()).isEqualTo(1);
    }
}

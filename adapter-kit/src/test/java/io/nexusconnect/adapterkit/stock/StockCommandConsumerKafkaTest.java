package io.nexusconnect.adapterkit.stock;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.adapterkit.consumer.OrderedPartitionConsumer;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stock-command consumer against the real broker of test-infra, with a small marketplace whose behaviour per SKU
 * is scripted by the SKU's prefix: {@code OK-} accepted, {@code BAD-} rejected, {@code BUSY-} throttled once,
 * {@code DENIED-} refused for its token.
 */
class StockCommandConsumerKafkaTest {
    private static final Marketplace MARKETPLACE = Marketplace.BOL;
    private static final String TOPIC = Topics.stockCommands(MARKETPLACE);
    private static final String GROUP = "adapter-bol-stock-test-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CLIENT_SECRET = "s3cr3t-client-secret-value";
    private static EventPublisher publisher;
    private static OrderedPartitionConsumer loop;
    private static final ScriptedMarketplace MARKET = new ScriptedMarketplace();

    /** Remembers every quantity it accepted, with the client id it was called with. */
    static final class ScriptedMarketplace implements StockWriter {
        final Map<String, Integer> quantities = new ConcurrentHashMap<>();
        final Map<String, String> clientIds = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();

        @Override
        public Marketplace marketplace() {
            return MARKETPLACE;
        }

        @Override
        public List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                        List<SetStock.Item> items) {
            List<Rejection> rejections = new ArrayList<>();
            for (SetStock.Item item : items) {
                calls.add(item.sku());
                if (item.sku().startsWith("BUSY-") && calls.stream().filter(item.sku()::equals).count() == 1) {
                    throw new MarketplaceException(ErrorCode.RATE_LIMITED, "429 Too Many Requests", 429, "{}", "req-429",
                            Duration.ofMillis(100), null);
                }
                if (item.sku().startsWith("DENIED-")) {
                    throw new MarketplaceException(ErrorCode.TOKEN_EXPIRED, "the access token was revoked", 401,
                            "{\"error\":\"revoked\"}", "req-401", null, null);
                }
                if (item.sku().startsWith("BAD-")) {
                    rejections.add(new Rejection(item.sku(), "quantity exceeds the maximum"));
                    continue;
                }
                quantities.put(connection.connectionId() + "/" + item.sku(), item.quantity());
                clientIds.put(connection.connectionId() + "/" + item.sku(), credentials.require("clientId").reveal());
            }
            return rejections;
        }
    }

    @BeforeAll
    static void startConsumer() {
        publisher = EventPublisher.create(SharedInfra.kafkaBootstrapServers(), "/nexus/adapter-kit-test", "kit-stock-test");
        CredentialOpener opener = CredentialOpener.fromConfig(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId());
        loop = new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(SharedInfra.kafkaBootstrapServers(), TOPIC, GROUP, "kit-stock-test",
                2, 3, Duration.ofMillis(200)), new StockCommandHandler(MARKET, opener), publisher, Clock.systemUTC())
                .start();
    }

    @AfterAll
    static void stopConsumer() {
        loop.close();
        publisher.close();
    }

    private static SetStock command(String... skus) {
        UUID connectionId = UUID.randomUUID();
        KeyRing ring = KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId());
        var sealed = new CredentialSealer(ring).seal(connectionId.toString(),
                Map.of("clientId", "client-" + connectionId, "clientSecret", CLIENT_SECRET));
        ConnectionSnapshot connection = new ConnectionSnapshot(connectionId, "tenant-kit", MARKETPLACE, null, "bol NL",
                Map.of(), ConnectionState.ACTIVE, ConnectionSettings.defaults(), TenantPolicy.defaults(), sealed, 1,
                Instant.now());
        List<SetStock.Item> items = java.util.Arrays.stream(skus).map(sku -> new SetStock.Item(sku, 9, 10, 10)).toList();
        return new SetStock(UUID.randomUUID(), connectionId, "tenant-kit", MARKETPLACE, items, Instant.now(), connection);
    }

    private static ConsumerRecord<String, String> deadLetter(String key) {
        return KafkaTestClient.readUntil(Topics.dlq(TOPIC), records -> records.stream().anyMatch(r -> key.equals(r.key())),
                WAIT).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static long committed() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    @Test
    @DisplayName("A valid SetStock is written with the opened credentials and its offset is committed afterwards")
    void appliedAndCommitted() throws Exception {
        // given a command for two SKUs
        SetStock command = command("OK-1", "OK-2");
        long before = committed();

        // when it is published
        KafkaTestClient.publish(TOPIC, command);

        // then both quantities reached the marketplace with the connection's own client id, and the offset moved on
        String prefix = command.connectionId() + "/";
        await().atMost(WAIT).until(() -> MARKET.quantities.containsKey(prefix + "OK-2"));
        assertThat(MARKET.quantities).containsEntry(prefix + "OK-1", 9).containsEntry(prefix + "OK-2", 9);
        assertThat(MARKET.clientIds).containsEntry(prefix + "OK-1", "client-" + command.connectionId());
        await().atMost(WAIT).until(() -> committed() > before);
    }

    @Test
    @DisplayName("An unreadable record goes to the DLQ with its reason and the command behind it on the same key still runs")
    void poisonThenGood() {
        // given garbage and then a valid command with the same key
        SetStock good = command("OK-after-poison");
        KafkaTestClient.send(TOPIC, good.key(), "{\"items\":", CloudEvents.headers(SetStock.TYPE, "/test", good.key()));
        KafkaTestClient.publish(TOPIC, good);

        // when consumed, then the garbage is dead-lettered with why and where from
        ConsumerRecord<String, String> dead = deadLetter(good.key());
        assertThat(dead.value()).isEqualTo("{\"items\":");
        assertThat(KafkaTestClient.header(dead, "dlq.reason")).contains("not a valid SetStock: value is not JSON");
        assertThat(KafkaTestClient.header(dead, "dlq.topic")).isEqualTo(TOPIC);
        assertThat(KafkaTestClient.header(dead, "dlq.error")).doesNotContain("StockRejected");

        // and the good command behind it was applied
        await().atMost(WAIT).until(() -> MARKET.quantities.containsKey(good.connectionId() + "/OK-after-poison"));
    }

    @Test
    @DisplayName("A command without the connection snapshot, or for another marketplace, is poison")
    void missingSnapshotAndWrongMarketplace() {
        // given a command without its snapshot and one that names another marketplace
        SetStock noSnapshot = command("OK-x");
        SetStock other = command("OK-y");
        String stripped = Json.write(new SetStock(noSnapshot.commandId(), noSnapshot.connectionId(), noSnapshot.tenantId(),
                MARKETPLACE, noSnapshot.items(), noSnapshot.issuedAt(), null));
        KafkaTestClient.send(TOPIC, noSnapshot.key(), stripped, CloudEvents.headers(SetStock.TYPE, "/test", noSnapshot.key()));
        String amazon = Json.write(other).replace("\"marketplace\":\"bol\",\"items\"", "\"marketplace\":\"amazon\",\"items\"");
        KafkaTestClient.send(TOPIC, other.key(), amazon, CloudEvents.headers(SetStock.TYPE, "/test", other.key()));

        // when consumed, then both are dead-lettered with the reason, and nothing was written
        assertThat(KafkaTestClient.header(deadLetter(noSnapshot.key()), "dlq.reason"))
                .contains("does not carry the snapshot of connection " + noSnapshot.connectionId());
        assertThat(KafkaTestClient.header(deadLetter(other.key()), "dlq.reason")).contains("reached the bol adapter");
        assertThat(MARKET.calls).doesNotContain("OK-x", "OK-y");
    }

    @Test
    @DisplayName("Items the marketplace rejects send the command to the DLQ as a rejection naming them, after the others were set")
    void rejectedItems() {
        // given a batch with one item the marketplace refuses
        SetStock command = command("OK-batch", "BAD-batch");

        // when it is consumed
        KafkaTestClient.publish(TOPIC, command);

        // then the good item was set and the command is in the DLQ as a rejection with the marketplace's reason
        ConsumerRecord<String, String> dead = deadLetter(command.key());
        assertThat(KafkaTestClient.header(dead, "dlq.error")).isEqualTo(StockRejectedException.class.getName());
        assertThat(KafkaTestClient.header(dead, "dlq.reason"))
                .contains("1 of 2 items").contains("BAD-batch: quantity exceeds the maximum");
        assertThat(MARKET.quantities).containsEntry(command.connectionId() + "/OK-batch", 9);
    }

    @Test
    @DisplayName("A throttled command is retried with backoff and then applied; a token refusal is dead-lettered without secrets")
    void transientRetriedPermanentDeadLettered() {
        // given a command that is throttled once and one whose token the marketplace refuses
        SetStock busy = command("BUSY-1");
        SetStock denied = command("DENIED-1");

        // when both are consumed
        KafkaTestClient.publish(TOPIC, busy);
        KafkaTestClient.publish(TOPIC, denied);

        // then the throttled one was tried twice and set
        await().atMost(WAIT).until(() -> MARKET.quantities.containsKey(busy.connectionId() + "/BUSY-1"));
        assertThat(MARKET.calls.stream().filter("BUSY-1"::equals)).hasSize(2);

        // and the refused one is in the DLQ with the code and the marketplace's answer, tried only once
        ConsumerRecord<String, String> dead = deadLetter(denied.key());
        String reason = KafkaTestClient.header(dead, "dlq.reason");
        assertThat(reason).startsWith("token_expired: the access token was revoked").contains("req-401");
        assertThat(reason).doesNotContain(CLIENT_SECRET);
        assertThat(MARKET.calls.stream().filter("DENIED-1"::equals)).hasSize(1);
        assertThat(Set.of(KafkaTestClient.header(dead, "dlq.error"))).containsExactly(StockRejectedException.class.getName());
    }
}

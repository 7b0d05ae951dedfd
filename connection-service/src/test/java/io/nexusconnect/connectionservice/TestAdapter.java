package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Amazon adapter as far as Test Connection goes, on the real broker: it takes requests from
 * {@code nexus.connection-tests.v1} in its own consumer group, opens the sealed credentials with the shared key ring
 * (connection id as associated data, like adapter-kit's CredentialOpener), skips other marketplaces and expired
 * requests (like adapter-kit's ConnectionTestHandler) and replies with the same requestId. A refresh token containing
 * EXPIRED is answered with token_expired. It remembers the clear fields it opened, so a test can prove that what the
 * adapter received is what the seller typed.
 */
final class TestAdapter {
    private static final CredentialSealer OPENER =
            new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
    private static final Map<UUID, Map<String, String>> OPENED = new ConcurrentHashMap<>();
    private static volatile boolean started;

    private TestAdapter() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread thread = new Thread(TestAdapter::run, "test-amazon-adapter");
        thread.setDaemon(true);
        thread.start();
    }

    /** The clear credentials the adapter opened for the connection id of a request. */
    static Map<String, String> opened(UUID connectionId) {
        return OPENED.get(connectionId);
    }

    static List<UUID> openedIds() {
        return List.copyOf(OPENED.keySet());
    }

    private static void run() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-amazon-adapter-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CONNECTION_TESTS));
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    answer(Json.read(record.value(), ConnectionTestRequested.class));
                }
            }
        }
    }

    private static void answer(ConnectionTestRequested request) {
        if (request.marketplace() != Marketplace.AMAZON || Instant.now().isAfter(request.expiresAt())) {
            return;
        }
        UUID id = request.connection().connectionId();
        Map<String, String> clear = OPENER.open(id.toString(), request.connection().credentials());
        OPENED.put(id, clear);
        ConnectionTestResult result = clear.get("refreshToken").contains("EXPIRED")
                ? new ConnectionTestResult(request.requestId(), id, Marketplace.AMAZON, false, null, null,
                ErrorCode.TOKEN_EXPIRED, "The access token expired", Instant.now())
                : new ConnectionTestResult(request.requestId(), id, Marketplace.AMAZON, true, "Amazon US",
                "Store of " + request.connection().accountId(), null, null, Instant.now());
        KafkaTestClient.publish(Topics.CONNECTION_TEST_REPLIES, result);
    }
}

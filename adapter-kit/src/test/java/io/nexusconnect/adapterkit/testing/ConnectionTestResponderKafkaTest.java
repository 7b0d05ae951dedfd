package io.nexusconnect.adapterkit.testing;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.adapterkit.consumer.OrderedPartitionConsumer;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The Test Connection responder against the real broker, with a tester that accepts one client key only. */
class ConnectionTestResponderKafkaTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static EventPublisher publisher;
    private static OrderedPartitionConsumer loop;

    @BeforeAll
    static void start() {
        ConnectionTester tester = new ConnectionTester() {
            @Override
            public Marketplace marketplace() {
                return Marketplace.BOL;
            }

            @Override
            public Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials) {
                if (!credentials.require("clientId").reveal().equals("good-client-id")) {
                    throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, "bol answered 401 invalid_client");
                }
                return new Verdict("Bol.com NL", "Demo Shop");
            }
        };
        publisher = EventPublisher.create(SharedInfra.kafkaBootstrapServers(), "/nexus/adapter-kit-test", "kit-tests");
        CredentialOpener opener = CredentialOpener.fromConfig(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId());
        loop = new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(SharedInfra.kafkaBootstrapServers(), Topics.CONNECTION_TESTS,
                "adapter-bol-tests-" + UUID.randomUUID(), "kit-tests", 2, 3, Duration.ofMillis(200)),
                new ConnectionTestHandler(tester, opener, publisher, Clock.systemUTC(), Duration.ofSeconds(30)),
                publisher, Clock.systemUTC()).start();
    }

    @AfterAll
    static void stop() {
        loop.close();
        publisher.close();
    }

    private static ConnectionTestRequested request(Marketplace marketplace, String clientId) {
        UUID connectionId = UUID.randomUUID();
        var sealed = new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()))
                .seal(connectionId.toString(), Map.of("clientId", clientId, "clientSecret", "secret-value-123456"));
        ConnectionSnapshot connection = new ConnectionSnapshot(connectionId, "tenant-kit", marketplace, null, "shop",
                Map.of(), ConnectionState.ACTIVE, ConnectionSettings.defaults(), TenantPolicy.defaults(), sealed, 0, Instant.now());
        return new ConnectionTestRequested(UUID.randomUUID(), marketplace, connection, Instant.now(),
                Instant.now().plusSeconds(60));
    }

    private static ConnectionTestResult reply(UUID requestId) {
        ConsumerRecord<String, String> record = KafkaTestClient.readUntil(Topics.CONNECTION_TEST_REPLIES,
                        records -> records.stream().anyMatch(r -> r.value().contains(requestId.toString())), WAIT).stream()
                .filter(r -> r.value().contains(requestId.toString())).findFirst().orElseThrow();
        assertThat(EventSchemas.strictViolations(KafkaTestClient.header(record, CloudEvents.TYPE), record.value())).isEmpty();
        return Json.read(record.value(), ConnectionTestResult.class);
    }

    @Test
    @DisplayName("Valid credentials are answered with the marketplace and seller name, wrong ones with the classified error")
    void answersBothWays() {
        // given one good and one bad request, and one for another marketplace in between
        ConnectionTestRequested good = request(Marketplace.BOL, "good-client-id");
        ConnectionTestRequested other = request(Marketplace.EBAY, "good-client-id");
        ConnectionTestRequested bad = request(Marketplace.BOL, "wrong-client-id");
        List.of(good, other, bad).forEach(r -> KafkaTestClient.publish(Topics.CONNECTION_TESTS, r));

        // when the responder runs, then the good one is valid with names, the bad one carries the code and no secret
        ConnectionTestResult ok = reply(good.requestId());
        assertThat(ok.valid()).isTrue();
        assertThat(ok.marketplaceName()).isEqualTo("Bol.com NL");
        assertThat(ok.sellerName()).isEqualTo("Demo Shop");
        ConnectionTestResult failed = reply(bad.requestId());
        assertThat(failed.valid()).isFalse();
        assertThat(failed.errorCode()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(failed.message()).doesNotContain("wrong-client-id").doesNotContain("secret-value");

        // and the eBay request was left to the eBay adapter
        assertThat(KafkaTestClient.readAll(Topics.CONNECTION_TEST_REPLIES))
                .noneMatch(r -> r.value().contains(other.requestId().toString()));
    }
}

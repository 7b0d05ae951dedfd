package io.nexusconnect.orchestrator.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.alert.Alert;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.status.ConnectionStatusChanged;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.orchestrator.Fixtures;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tests see of the real broker: they publish like connection-service and adapters, and read the topics. */
final class Kafka {
    static final String REQUESTS = Topics.syncRequests(Marketplace.AMAZON);
    static final Map<String, String> SECRETS = Map.of("lwaClientId", "amzn1.application-oa2-client.test",
            "lwaClientSecret", "amzn1.oa2-cs.v1.secret", "refreshToken", "Atzr|refresh-token");
    static final CredentialSealer SEALER = new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Kafka() {
    }

    /** The partition the default partitioner puts a connection's records on, on every connection-keyed topic. */
    static int partitionOf(UUID connectionId) {
        return Utils.toPositive(Utils.murmur2(connectionId.toString().getBytes(StandardCharsets.UTF_8))) % Topics.DEFAULT_PARTITIONS;
    }

    static UUID connectionOnPartition(int partition) {
        while (true) {
            UUID id = UUID.randomUUID();
            if (partitionOf(id) == partition) {
                return id;
            }
        }
    }

    static ConnectionSnapshot connection(UUID id, ConnectionState state, SyncInterval interval, long version) {
        return Fixtures.snapshot(id, state, interval, version, SEALER.seal(id.toString(), SECRETS));
    }

    static void publish(String topic, NexusEvent event) {
        KafkaTestClient.publish(topic, event);
    }

    static void remove(UUID connectionId) {
        KafkaTestClient.send(Topics.CONNECTIONS, connectionId.toString(), null, null);
    }

    /** The sync requests of a connection, waiting until there are at least {@code atLeast}. */
    static List<SyncRequested> requests(UUID connectionId, int atLeast) {
        List<SyncRequested> requests = parse(KafkaTestClient.readUntil(REQUESTS,
                records -> ofKey(records, connectionId).size() >= atLeast, WAIT), connectionId, SyncRequested.class);
        assertThat(requests).as("sync requests of %s", connectionId).hasSizeGreaterThanOrEqualTo(atLeast);
        return requests;
    }

    /** The latest published status of a connection, waiting until it satisfies {@code expected}. */
    static ConnectionStatusChanged status(UUID connectionId, Predicate<ConnectionStatusChanged> expected) {
        List<ConnectionStatusChanged> statuses = parse(KafkaTestClient.readUntil(Topics.CONNECTION_STATUS, records -> {
            List<ConnectionStatusChanged> seen = parse(records, connectionId, ConnectionStatusChanged.class);
            return !seen.isEmpty() && expected.test(seen.getLast());
        }, WAIT), connectionId, ConnectionStatusChanged.class);
        assertThat(statuses).as("statuses of %s", connectionId).isNotEmpty();
        return statuses.getLast();
    }

    /** The alerts raised for a connection, waiting until there are at least {@code atLeast}. */
    static List<Alert> alerts(UUID connectionId, int atLeast) {
        return parse(KafkaTestClient.readUntil(Topics.ALERTS, records -> ofKey(records, connectionId).size() >= atLeast, WAIT),
                connectionId, Alert.class);
    }

    static Optional<ConsumerRecord<String, String>> deadLetter(String topic, String key) {
        return ofKey(KafkaTestClient.readUntil(Topics.dlq(topic), records -> !ofKey(records, key).isEmpty(), WAIT), key)
                .stream().findFirst();
    }

    static List<ConsumerRecord<String, String>> stateRecords(UUID connectionId) {
        return ofKey(KafkaTestClient.readAll(Topics.SYNC_STATE), connectionId.toString());
    }

    private static <T> List<T> parse(List<ConsumerRecord<String, String>> records, UUID connectionId, Class<T> type) {
        return ofKey(records, connectionId).stream().map(record -> Json.read(record.value(), type)).toList();
    }

    private static List<ConsumerRecord<String, String>> ofKey(List<ConsumerRecord<String, String>> records, UUID connectionId) {
        return ofKey(records, connectionId.toString());
    }

    private static List<ConsumerRecord<String, String>> ofKey(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }
}

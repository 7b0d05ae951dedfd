package io.nexusconnect.adapterkit.testkit;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.testinfra.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Black-box cycles on the real broker: publish a {@code SyncRequested} the way the orchestrator does, wait for the
 * adapter's {@code SyncCompleted}, read what it published. Every event read is checked against its JSON Schema and
 * its CloudEvents source ({@code /nexus/adapter-<marketplace>}).
 *
 * <pre>
 * SyncCompleted done = TestCycles.completed(TestCycles.run(TestCycles.full(connection)));
 * List&lt;Order&gt; orders = TestCycles.read(Topics.ORDERS, connection.connectionId(), 3, Order.class);
 * </pre>
 */
public final class TestCycles {
    /** Long enough for a cycle against a sped-up simulator on a loaded CI machine. */
    public static final Duration WAIT = Duration.ofMinutes(3);
    private static final Set<SyncScope> ALL = EnumSet.of(SyncScope.ORDERS, SyncScope.PRODUCTS, SyncScope.INVENTORY);

    private TestCycles() {
    }

    public static SyncRequested full(ConnectionSnapshot connection) {
        return request(connection, SyncMode.FULL, Map.of(), ALL);
    }

    public static SyncRequested incremental(ConnectionSnapshot connection, Map<String, String> cursors) {
        return request(connection, SyncMode.INCREMENTAL, cursors, ALL);
    }

    public static SyncRequested request(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors,
                                        Set<SyncScope> scopes) {
        return request(connection, mode, cursors, scopes, OrderLookback.THIRTY_DAYS, SyncTrigger.MANUAL);
    }

    public static SyncRequested request(ConnectionSnapshot connection, SyncMode mode, Map<String, String> cursors,
                                        Set<SyncScope> scopes, OrderLookback lookback, SyncTrigger trigger) {
        return new SyncRequested(UUID.randomUUID(), connection.connectionId(), connection.tenantId(),
                connection.marketplace(), scopes, mode, cursors, lookback, trigger, 1, Instant.now(), connection);
    }

    /** Publishes the request and waits for its SyncCompleted; answers every sync event of that cycle, in order. */
    public static List<SyncEvent> run(SyncRequested request) {
        KafkaTestClient.publish(Topics.syncRequests(request.marketplace()), request);
        return events(request.syncId(), "/nexus/adapter-" + request.marketplace().id());
    }

    /** The sync events of one cycle once its SyncCompleted is there; each validated, from {@code source} if given. */
    public static List<SyncEvent> events(UUID syncId, String source) {
        String id = syncId.toString();
        List<ConsumerRecord<String, String>> mine = KafkaTestClient.readUntil(Topics.SYNC_EVENTS,
                records -> records.stream().anyMatch(r -> r.value() != null && r.value().contains(id)
                        && r.value().contains("\"kind\":\"completed\"")), WAIT).stream()
                .filter(r -> r.value() != null && r.value().contains(id)).toList();
        assertThat(mine).as("sync events of " + id).isNotEmpty();
        mine.forEach(record -> assertValid(record, source));
        return mine.stream().map(r -> Json.read(r.value(), SyncEvent.class)).toList();
    }

    public static SyncCompleted completed(List<SyncEvent> events) {
        assertThat(events.getLast()).as("the cycle's last event").isInstanceOf(SyncCompleted.class);
        return (SyncCompleted) events.getLast();
    }

    /** Every record of {@code topic} keyed for the connection, once at least {@code atLeast} are there. */
    public static List<ConsumerRecord<String, String>> records(String topic, UUID connectionId, int atLeast) {
        String prefix = connectionId + "/";
        return KafkaTestClient.readUntil(topic, records -> records.stream()
                                .filter(r -> r.key() != null && r.key().startsWith(prefix)).count() >= atLeast, WAIT)
                .stream().filter(r -> r.key() != null && r.key().startsWith(prefix)).toList();
    }

    /** {@link #records} read as {@code type}, each validated against its schema first. */
    public static <T> List<T> read(String topic, UUID connectionId, int atLeast, Class<T> type) {
        List<ConsumerRecord<String, String>> records = records(topic, connectionId, atLeast);
        records.forEach(record -> assertValid(record, null));
        return records.stream().map(r -> Json.read(r.value(), type)).toList();
    }

    /** The record carries its CloudEvents type (and {@code source}, when given) and validates against its schema. */
    public static void assertValid(ConsumerRecord<String, String> record, String source) {
        String type = KafkaTestClient.header(record, CloudEvents.TYPE);
        assertThat(type).as("ce_type of " + record.key()).isNotNull();
        if (source != null) {
            assertThat(KafkaTestClient.header(record, CloudEvents.SOURCE)).isEqualTo(source);
        }
        assertThat(EventSchemas.violations(type, record.value())).as(type + " " + record.key()).isEmpty();
    }
}

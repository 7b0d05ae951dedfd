package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.local.kafka.CommittedRecords;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the real topics the way a downstream consumer would ({@code read_committed}, from the beginning) and checks
 * what the services put there: contracts (JSON Schema of the {@code ce_type}), CloudEvents headers, no secrets.
 */
final class TopicAudit {
    /** The topics one Amazon connection's life touches, in the order they are written. */
    static final List<String> CONNECTION_TOPICS = List.of(Topics.CONNECTIONS, Topics.SYNC_COMMANDS,
            Topics.syncRequests(Marketplace.AMAZON), Topics.SYNC_EVENTS, Topics.CONNECTION_STATUS, Topics.PRODUCTS,
            Topics.ORDERS, Topics.INVENTORY);
    private static final List<String> CLOUD_EVENT_HEADERS = List.of(CloudEvents.ID, CloudEvents.TYPE, CloudEvents.SOURCE,
            CloudEvents.TIME, CloudEvents.SPEC_VERSION, CloudEvents.CONTENT_TYPE);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private TopicAudit() {
    }

    /** Every committed record of {@code topic} whose key is the connection or starts with {@code <connectionId>/}. */
    static List<ConsumerRecord<String, String>> recordsOf(String topic, String connectionId) {
        return readAll(topic).stream()
                .filter(r -> r.key() != null && (r.key().equals(connectionId) || r.key().startsWith(connectionId + "/")))
                .toList();
    }

    /** The values of the records of {@code topic} about {@code connectionId} as JSON (tombstones left out). */
    static List<JsonNode> valuesOf(String topic, String connectionId) {
        return recordsOf(topic, connectionId).stream().filter(r -> r.value() != null).map(r -> json(r.value())).toList();
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that every record about the connection on every topic it touched carries the CloudEvents headers,
     * validates against the JSON Schema of its {@code ce_type} and contains none of {@code secrets}.
     *
     * @return records checked per topic
     */
    static Map<String, Integer> assertContractsAndNoSecrets(String connectionId, List<String> secrets) {
        Map<String, Integer> checked = new LinkedHashMap<>();
        for (String topic : CONNECTION_TOPICS) {
            List<ConsumerRecord<String, String>> records = recordsOf(topic, connectionId);
            for (ConsumerRecord<String, String> record : records) {
                String where = topic + " offset " + record.offset() + " (partition " + record.partition() + ")";
                for (String header : CLOUD_EVENT_HEADERS) {
                    assertThat(CloudEvents.get(record.headers(), header)).as(where + " header " + header).isPresent();
                }
                if (record.value() == null) {
                    continue;
                }
                String type = CloudEvents.get(record.headers(), CloudEvents.TYPE).orElseThrow();
                assertThat(EventSchemas.strictViolations(type, record.value())).as(where + " against " + type).isEmpty();
                for (String secret : secrets) {
                    assertThat(record.value()).as(where + " must not contain a secret").doesNotContain(secret);
                }
            }
            checked.put(topic, records.size());
        }
        return checked;
    }

    /** Asserts that no service log contains any of {@code secrets}. */
    static void assertLogsFreeOf(List<Path> logFiles, List<String> secrets) {
        for (Path log : logFiles) {
            String text;
            try {
                text = Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(text).as(log + " is the log of a running service").isNotEmpty();
            for (String secret : secrets) {
                assertThat(text).as(log + " must not contain a secret").doesNotContain(secret);
            }
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        return CommittedRecords.readAll(SharedInfra.kafkaBootstrapServers(), topic, READ_TIMEOUT);
    }

    /** A subscriber's first start: a group of its own, from the earliest offset, committed reads, nothing committed. */
    static KafkaConsumer<String, String> newSubscriber() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-new-subscriber-" + java.util.UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}

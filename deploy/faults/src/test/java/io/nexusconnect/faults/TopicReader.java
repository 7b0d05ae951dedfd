package io.nexusconnect.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.local.kafka.CommittedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** Reads a topic from the beginning as a downstream consumer would ({@code read_committed}), up to its current end. */
final class TopicReader {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;

    TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every committed record of {@code topic} whose key is {@code connectionId} or starts with {@code <connectionId>/}. */
    List<ConsumerRecord<String, String>> recordsOf(String topic, String connectionId) {
        return readAll(topic).stream()
                .filter(r -> r.key() != null && (r.key().equals(connectionId) || r.key().startsWith(connectionId + "/")))
                .toList();
    }

    List<ConsumerRecord<String, String>> readAll(String topic) {
        return CommittedRecords.readAll(bootstrapServers, topic, READ_TIMEOUT);
    }

    static String ceId(ConsumerRecord<String, String> record) {
        return CloudEvents.get(record.headers(), CloudEvents.ID).orElse(null);
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

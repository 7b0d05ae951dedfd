package io.nexusconnect.orchestrator.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.nexusconnect.orchestrator.engine.Input;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a consumed record into an engine {@link Input}, or throws {@link MalformedEventException} saying why it is
 * poison. A record must meet its JSON Schema, except that unknown fields are allowed (adding an optional field is a
 * compatible change), and its key must be the connection it is about.
 */
final class RecordDecoder {
    private static final Map<String, String> SYNC_EVENT_TYPES = Map.of(
            "started", SyncStarted.TYPE, "progress", SyncProgress.TYPE, "completed", SyncCompleted.TYPE);

    private RecordDecoder() {
    }

    static Input decode(ConsumerRecord<byte[], byte[]> record) {
        UUID key = connectionKey(record);
        return switch (record.topic()) {
            case Topics.CONNECTIONS -> record.value() == null
                    ? new Input.ConnectionRemoved(record.partition(), key)
                    : new Input.SnapshotReceived(record.partition(), snapshot(record, key));
            case Topics.SYNC_COMMANDS -> new Input.SyncNowReceived(record.partition(), syncNow(record, key));
            case Topics.SYNC_EVENTS -> new Input.SyncEventReceived(record.partition(), syncEvent(record, key));
            default -> throw new MalformedEventException("the orchestrator does not consume topic " + record.topic());
        };
    }

    private static ConnectionSnapshot snapshot(ConsumerRecord<byte[], byte[]> record, UUID key) {
        ConnectionSnapshot snapshot = read(record, ConnectionSnapshot.TYPE, ConnectionSnapshot.class);
        requireKey(key, snapshot.connectionId());
        return snapshot;
    }

    private static SyncNowRequested syncNow(ConsumerRecord<byte[], byte[]> record, UUID key) {
        Optional<String> type = CloudEvents.get(record.headers(), CloudEvents.TYPE);
        if (type.isPresent() && !type.get().equals(SyncNowRequested.TYPE)) {
            throw new MalformedEventException("unsupported command type " + type.get() + " on " + Topics.SYNC_COMMANDS);
        }
        SyncNowRequested command = read(record, SyncNowRequested.TYPE, SyncNowRequested.class);
        requireKey(key, command.connectionId());
        return command;
    }

    private static SyncEvent syncEvent(ConsumerRecord<byte[], byte[]> record, UUID key) {
        JsonNode node = tree(record);
        String kind = node.path("kind").asText("");
        String type = SYNC_EVENT_TYPES.get(kind);
        if (type == null) {
            throw new MalformedEventException("sync event of unknown kind '" + kind + "' (expected started, progress or completed)");
        }
        SyncEvent event = convert(node, type, SyncEvent.class);
        requireKey(key, event.connectionId());
        return event;
    }

    private static UUID connectionKey(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            throw new MalformedEventException("record without key (expected the connection id)");
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("key '" + abbreviate(key) + "' is not a connection id");
        }
    }

    static <T> T read(ConsumerRecord<byte[], byte[]> record, String type, Class<T> target) {
        return convert(tree(record), type, target);
    }

    private static JsonNode tree(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new MalformedEventException("tombstone on " + record.topic() + ", which carries events only");
        }
        try {
            JsonNode node = Json.mapper().readTree(record.value());
            if (node == null || !node.isObject()) {
                throw new MalformedEventException("value is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("value is not JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new MalformedEventException("value cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T> T convert(JsonNode node, String type, Class<T> target) {
        String violations = EventSchemas.schema(type).validate(node).stream()
                .filter(message -> !"additionalProperties".equals(message.getType()))
                .map(message -> message.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        if (!violations.isEmpty()) {
            throw new MalformedEventException("not a valid " + type + ": " + violations);
        }
        try {
            return Json.mapper().treeToValue(node, target);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a valid " + type + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("not a valid " + type + ": " + e.getMessage(), e);
        }
    }

    private static void requireKey(UUID key, UUID connectionId) {
        if (!key.equals(connectionId)) {
            throw new MalformedEventException("key " + key + " does not match connectionId " + connectionId);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}

package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.orchestrator.engine.Input;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Turns a consumed record into an engine {@link Input}, or throws {@link MalformedEventException} saying why it is
 * poison. Records are read with the system's tolerant {@link EventDecoder} (schema enforced, unknown fields ignored,
 * a newer minor {@code ce_type} accepted); the key must be the connection the record is about.
 */
final class RecordDecoder {
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
        SyncNowRequested command = read(record, SyncNowRequested.TYPE, SyncNowRequested.class);
        requireKey(key, command.connectionId());
        return command;
    }

    private static SyncEvent syncEvent(ConsumerRecord<byte[], byte[]> record, UUID key) {
        SyncEvent event = EventDecoder.decodeOneOf(text(record), record.headers(), "kind", SyncEvent::typeOf,
                SyncEvent.class);
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

    /** The record read with the one tolerant decoder of the system (unknown fields ignored, the schema enforced). */
    static <T> T read(ConsumerRecord<byte[], byte[]> record, String type, Class<T> target) {
        return EventDecoder.decode(text(record), record.headers(), type, target);
    }

    private static String text(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new MalformedEventException("tombstone on " + record.topic() + ", which carries events only");
        }
        return new String(record.value(), StandardCharsets.UTF_8);
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

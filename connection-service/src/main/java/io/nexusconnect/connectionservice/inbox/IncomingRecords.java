package io.nexusconnect.connectionservice.inbox;

import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.contracts.sync.SyncEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** How this service reads a Kafka record: with the system's one tolerant {@link EventDecoder}. */
public final class IncomingRecords {
    private IncomingRecords() {
    }

    /**
     * The record's value as the event {@code ceType} names; anything unreadable or off-contract is a
     * {@link io.nexusconnect.contracts.kafka.MalformedEventException} (poison → DLQ). Unknown fields are ignored.
     */
    public static <T> T decode(ConsumerRecord<String, String> record, String ceType, Class<T> type) {
        return EventDecoder.decode(record.value(), record.headers(), ceType, type);
    }

    /** A record of {@code nexus.sync-events.v1}, whichever of its kinds. */
    public static SyncEvent decodeSyncEvent(ConsumerRecord<String, String> record) {
        return EventDecoder.decodeOneOf(record.value(), record.headers(), "kind", SyncEvent::typeOf, SyncEvent.class);
    }

    /** The CloudEvents id, or the record's position when a producer left it out (still unique per record). */
    public static String messageId(ConsumerRecord<String, String> record) {
        return CloudEvents.get(record.headers(), CloudEvents.ID)
                .orElse(record.topic() + "/" + record.partition() + "@" + record.offset());
    }
}

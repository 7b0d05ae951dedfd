package io.nexusconnect.subscriber.kafka;

import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.subscriber.CloudEventAttributes;
import io.nexusconnect.subscriber.PublicTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;

/**
 * One record of a public topic, read: its key, the event (empty for a tombstone: the key was removed) and its
 * CloudEvents attributes, with where it was for logs and dead letters.
 */
public record NexusRecord<T extends NexusEvent>(String topic, int partition, long offset, String key, Optional<T> event,
                                                CloudEventAttributes attributes) {

    /**
     * Reads a record as a plain {@code StringDeserializer} consumer (or a SmallRye channel with String values) got it.
     * A tombstone is a record without an event; anything else that is not the topic's event is poison: a
     * {@link MalformedEventException} with the reason, which a dead letter should carry.
     */
    public static <T extends NexusEvent> NexusRecord<T> read(ConsumerRecord<String, String> record, PublicTopic<T> topic) {
        if (record.key() == null) {
            throw new MalformedEventException("record at " + where(record) + " has no key; " + topic.name()
                    + " is keyed " + topic.key());
        }
        Optional<T> event = record.value() == null
                ? Optional.empty()
                : Optional.of(EventDecoder.decode(record.value(), record.headers(), topic.eventType(), topic.eventClass()));
        return new NexusRecord<>(record.topic(), record.partition(), record.offset(), record.key(), event,
                CloudEventAttributes.from(record.headers()));
    }

    /** Wraps a record {@link NexusEventDeserializer} already decoded (a null value is a tombstone). */
    public static <T extends NexusEvent> NexusRecord<T> of(ConsumerRecord<String, T> record) {
        return new NexusRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                Optional.ofNullable(record.value()), CloudEventAttributes.from(record.headers()));
    }

    public boolean isTombstone() {
        return event.isEmpty();
    }

    /**
     * The key up to its first {@code /}: the connection on every topic nexus-connect publishes (the tenant on the
     * stock levels it reads).
     */
    public String keyOwner() {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

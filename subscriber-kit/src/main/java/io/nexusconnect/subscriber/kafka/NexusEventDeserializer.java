package io.nexusconnect.subscriber.kafka;

import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.subscriber.PublicTopic;
import io.nexusconnect.subscriber.PublicTopics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.Map;

/**
 * A Kafka {@link Deserializer} of one public topic's events, tolerant as every reader of nexus-connect is: unknown
 * fields are ignored, a newer minor version of the event is read with the current contract, required fields, types
 * and enums are checked against the event's JSON Schema. A tombstone (null value) becomes {@code null}, the Kafka
 * convention. A record that is not the event throws {@link io.nexusconnect.contracts.kafka.MalformedEventException}
 * with the reason (a plain consumer sees it as a {@code RecordDeserializationException} with the offset to skip to).
 *
 * <p>Use one of the subclasses by name ({@code value.deserializer=io.nexusconnect.subscriber.kafka.OrderDeserializer})
 * or this class with {@code nexus.topic=<topic name>}.
 */
public class NexusEventDeserializer<T extends NexusEvent> implements Deserializer<T> {
    /** Configuration property naming the public topic whose events to read, when the class is used directly. */
    public static final String TOPIC_CONFIG = "nexus.topic";

    private PublicTopic<T> topic;

    public NexusEventDeserializer() {
    }

    public NexusEventDeserializer(PublicTopic<T> topic) {
        this.topic = topic;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (isKey) {
            throw new IllegalArgumentException("keys of nexus-connect topics are strings: use StringDeserializer");
        }
        Object named = configs.get(TOPIC_CONFIG);
        if (topic == null && named != null) {
            topic = (PublicTopic<T>) PublicTopics.named(named.toString());
        }
    }

    @Override
    public T deserialize(String kafkaTopic, byte[] data) {
        return deserialize(kafkaTopic, null, data);
    }

    @Override
    public T deserialize(String kafkaTopic, Headers headers, byte[] data) {
        if (topic == null) {
            throw new IllegalStateException("no public topic configured: set " + TOPIC_CONFIG + " or use a subclass");
        }
        if (data == null) {
            return null;
        }
        return EventDecoder.decode(data, headers, topic.eventType(), topic.eventClass());
    }
}

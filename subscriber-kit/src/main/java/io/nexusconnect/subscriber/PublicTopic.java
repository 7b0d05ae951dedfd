package io.nexusconnect.subscriber;

import io.nexusconnect.contracts.NexusEvent;

/**
 * A topic other services read from (or write to) nexus-connect, with the one event it carries.
 *
 * @param name       the Kafka topic
 * @param eventType  the {@code ce_type} of its records (a newer minor version of it is read the same way)
 * @param eventClass the record of contracts that reads it
 * @param key        what the record key is made of, e.g. {@code connectionId/externalId}
 * @param direction  whether nexus-connect publishes it or reads it
 * @param state      whether the topic is compacted state a new consumer group can bootstrap from
 */
public record PublicTopic<T extends NexusEvent>(String name, String eventType, Class<T> eventClass, String key,
                                                Direction direction, boolean state) {

    public enum Direction {
        /** nexus-connect publishes; internal services subscribe. */
        PUBLISHED,
        /** internal services publish; nexus-connect reads. */
        READ
    }
}

package io.nexusconnect.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event published on Kafka. {@link #eventType()} becomes the {@code ce_type} header and names the JSON Schema in
 * {@code schemas/}; {@link #key()} is the record key that gives the event its ordering.
 */
public interface NexusEvent {
    @JsonIgnore
    String eventType();

    @JsonIgnore
    String key();
}

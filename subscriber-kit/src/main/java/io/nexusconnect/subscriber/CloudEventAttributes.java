package io.nexusconnect.subscriber;

import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventType;
import org.apache.kafka.common.header.Headers;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The CloudEvents 1.0 attributes of a record (binary mode: {@code ce_*} Kafka headers). Every field is empty when its
 * header is missing or unreadable: the attributes describe the event, the payload is the event.
 *
 * @param id      {@code ce_id}: unique per published event; the same event sent twice keeps its id
 * @param type    {@code ce_type}: the event and its version, e.g. {@code io.nexusconnect.order.v1}
 * @param source  {@code ce_source}: the publishing service, e.g. {@code /nexus/adapter-amazon}
 * @param subject {@code ce_subject}: what the event is about (the record key on the normalized topics)
 * @param time    {@code ce_time}: when it was published
 */
public record CloudEventAttributes(Optional<String> id, Optional<String> type, Optional<String> source,
                                   Optional<String> subject, Optional<Instant> time, Optional<String> specVersion,
                                   Optional<String> contentType) {

    public static CloudEventAttributes from(Headers headers) {
        if (headers == null) {
            return new CloudEventAttributes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new CloudEventAttributes(CloudEvents.get(headers, CloudEvents.ID), CloudEvents.get(headers, CloudEvents.TYPE),
                CloudEvents.get(headers, CloudEvents.SOURCE), CloudEvents.get(headers, CloudEvents.SUBJECT),
                CloudEvents.get(headers, CloudEvents.TIME).flatMap(CloudEventAttributes::instant),
                CloudEvents.get(headers, CloudEvents.SPEC_VERSION), CloudEvents.get(headers, CloudEvents.CONTENT_TYPE));
    }

    /** {@code ce_type} split into name, major and minor version; empty without the header. */
    public Optional<EventType> eventType() {
        return type.map(EventType::parse);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package io.nexusconnect.contracts.kafka;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * CloudEvents 1.0 binary-mode attributes carried in Kafka headers ({@code ce_id}, {@code ce_type}, {@code ce_source},
 * {@code ce_time}, {@code ce_specversion}, {@code content-type}). {@code ce_type} names the event and its version,
 * e.g. {@code io.nexusconnect.sync.completed.v1}.
 */
public final class CloudEvents {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEvents() {
    }

    public static Headers headers(String type, String source, String subject) {
        return headers(UUID.randomUUID().toString(), type, source, subject, Instant.now());
    }

    public static Headers headers(String id, String type, String source, String subject, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ID, bytes(id));
        headers.add(TYPE, bytes(type));
        headers.add(SOURCE, bytes(source));
        headers.add(TIME, bytes(time.toString()));
        headers.add(SPEC_VERSION, bytes("1.0"));
        headers.add(CONTENT_TYPE, bytes(JSON));
        if (subject != null) {
            headers.add(SUBJECT, bytes(subject));
        }
        return headers;
    }

    public static Optional<String> get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

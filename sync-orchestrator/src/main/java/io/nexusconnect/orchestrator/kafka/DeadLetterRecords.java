package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A poison record, copied unchanged (key, value, headers) to {@code <topic>.dlq} with why it was rejected and where it
 * came from in {@code dlq.*} headers, so it can be inspected and replayed.
 */
final class DeadLetters {
    static final String REASON = "dlq.reason";
    static final String ERROR = "dlq.error";
    static final String TOPIC = "dlq.topic";
    static final String PARTITION = "dlq.partition";
    static final String OFFSET = "dlq.offset";
    static final String FAILED_AT = "dlq.failed-at";
    static final String SERVICE = "dlq.service";
    private static final int MAX_REASON = 2000;

    private final String source;

    DeadLetters(String source) {
        this.source = source;
    }

    ProducerRecord<byte[], byte[]> toRecord(ConsumerRecord<byte[], byte[]> poison, Exception error, Instant now) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : poison.headers()) {
            headers.add(header);
        }
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        headers.add(REASON, bytes(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
        headers.add(ERROR, bytes(error.getClass().getName()));
        headers.add(TOPIC, bytes(poison.topic()));
        headers.add(PARTITION, bytes(Integer.toString(poison.partition())));
        headers.add(OFFSET, bytes(Long.toString(poison.offset())));
        headers.add(FAILED_AT, bytes(now.toString()));
        headers.add(SERVICE, bytes(source));
        return new ProducerRecord<>(Topics.dlq(poison.topic()), null, poison.key(), poison.value(), headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

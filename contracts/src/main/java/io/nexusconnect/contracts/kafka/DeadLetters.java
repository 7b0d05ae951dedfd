package io.nexusconnect.contracts.kafka;

import io.nexusconnect.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The one dead-letter format of the system. A record given up on is copied unchanged (key, value, headers) to
 * {@code <topic>.dlq}, with why and where from in the {@code dlq.*} headers below, so it can be inspected and
 * replayed. Every consumer of every service writes these headers and no others (the README's topic catalog lists them).
 */
public final class DeadLetters {
    /** Why the record was given up on: the poison reason, or the last failure of a faulty processing. */
    public static final String REASON = "dlq.reason";
    /** The Java class of the failure (tells an unreadable record from, say, a stock command a marketplace refused). */
    public static final String ERROR = "dlq.error";
    /** {@code poison} or {@code fault} ({@link FailureClass}); transient failures are never dead-lettered. */
    public static final String FAILURE = "dlq.failure";
    public static final String TOPIC = "dlq.topic";
    public static final String PARTITION = "dlq.partition";
    public static final String OFFSET = "dlq.offset";
    /** ISO-8601 instant of the decision. */
    public static final String FAILED_AT = "dlq.failed-at";
    /** The {@code ce_source} of the service that gave up on it, e.g. {@code /nexus/connection-service}. */
    public static final String SERVICE = "dlq.service";
    private static final int MAX_REASON = 2000;

    private DeadLetters() {
    }

    public static <K, V> ProducerRecord<K, V> toRecord(ConsumerRecord<K, V> failed, Throwable error, String service,
                                                       Instant now) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : failed.headers()) {
            if (!header.key().startsWith("dlq.")) {
                headers.add(header);
            }
        }
        headers.add(REASON, bytes(reason(error)));
        headers.add(ERROR, bytes(error.getClass().getName()));
        headers.add(FAILURE, bytes(FailureClass.of(error) == FailureClass.POISON ? "poison" : "fault"));
        headers.add(TOPIC, bytes(failed.topic()));
        headers.add(PARTITION, bytes(Integer.toString(failed.partition())));
        headers.add(OFFSET, bytes(Long.toString(failed.offset())));
        headers.add(FAILED_AT, bytes(now.toString()));
        headers.add(SERVICE, bytes(service));
        return new ProducerRecord<>(Topics.dlq(failed.topic()), null, failed.key(), failed.value(), headers);
    }

    /** The failure's message, bounded (a header is no place for a stack trace). */
    public static String reason(Throwable error) {
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

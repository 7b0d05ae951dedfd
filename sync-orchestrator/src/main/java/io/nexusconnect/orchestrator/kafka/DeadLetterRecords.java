package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.contracts.kafka.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;

/** The contracts' {@link DeadLetters} signed with this service's name, for the records a step writes. */
final class DeadLetterRecords {
    private final String source;

    DeadLetterRecords(String source) {
        this.source = source;
    }

    ProducerRecord<byte[], byte[]> toRecord(ConsumerRecord<byte[], byte[]> poison, Exception error, Instant now) {
        return DeadLetters.toRecord(poison, error, source, now);
    }
}

package io.nexusconnect.adapterkit.sync;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Processes one consumed record to the end (its results acknowledged by Kafka) before returning; the offset is
 * committed only then. Throw {@link PoisonRecordException} for a record that can never be processed; any other
 * exception is retried with backoff.
 */
@FunctionalInterface
public interface RecordHandler {
    void handle(ConsumerRecord<String, String> record) throws Exception;
}

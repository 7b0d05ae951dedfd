package io.nexusconnect.adapterkit.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Processes one consumed record to the end (its results acknowledged by Kafka) before returning; the offset is
 * committed only then. What a failure means is {@link io.nexusconnect.contracts.kafka.FailureClass}'s rule: throw a
 * {@link io.nexusconnect.contracts.kafka.PoisonRecordException} for a record that can never be processed (dead-lettered
 * once), a {@link io.nexusconnect.contracts.kafka.TransientFailureException} (or let a database / network / timeout
 * failure through) when a dependency is away (retried in order until it works); anything else is a fault.
 */
@FunctionalInterface
public interface RecordHandler {
    void handle(ConsumerRecord<String, String> record) throws Exception;
}

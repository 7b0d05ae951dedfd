package io.nexusconnect.connectionservice.inbox;

import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;

/** What every consumer of this service does with a Kafka record before and around its own work. */
public final class IncomingRecords {
    private IncomingRecords() {
    }

    /** The record's value as {@code type}; anything unreadable is a {@link MalformedEventException} (→ DLQ). */
    public static <T> T decode(ConsumerRecord<String, String> record, Class<T> type) {
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("record has no value");
        }
        T event = Json.read(record.value(), type);
        if (event == null) {
            throw new MalformedEventException("record value is JSON null");
        }
        return event;
    }

    /** The CloudEvents id, or the record's position when a producer left it out (still unique per record). */
    public static String messageId(ConsumerRecord<String, String> record) {
        return CloudEvents.get(record.headers(), CloudEvents.ID)
                .orElse(record.topic() + "/" + record.partition() + "@" + record.offset());
    }

    /**
     * Retries work that failed for a reason other than the record itself (database restart, lock conflict) before the
     * record is given up to the DLQ; a malformed record goes there at once.
     */
    public static <T> Uni<T> retryTransient(Uni<T> work) {
        return work.onFailure(failure -> !(failure instanceof MalformedEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }
}

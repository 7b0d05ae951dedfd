package io.nexusconnect.connectionservice.outbox;

import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.kafka.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction, so an event exists exactly when the change it
 * describes was committed. The row is deleted again in the same transaction: Debezium reads the insert from the WAL
 * (the publication publishes inserts only), so the table never grows and needs no cleanup job.
 */
@ApplicationScoped
public class OutboxWriter {
    private static final String INSERT = "insert into outbox (id, aggregatetype, aggregateid, type, payload, created_at) "
            + "values (:id, :topic, :key, :type, :payload, :createdAt)";
    private static final String DELETE = "delete from outbox where id = :id";

    /** Queues {@code event} for {@code topic}, keyed by {@link NexusEvent#key()}, {@code ce_id} = {@code eventId}. */
    public Uni<Void> append(Mutiny.Session session, String topic, UUID eventId, NexusEvent event, Instant at) {
        return write(session, topic, eventId, event.key(), event.eventType(), Json.write(event), at);
    }

    /** Queues a tombstone (null value) for {@code key}: the compacted topic forgets the key. */
    public Uni<Void> appendTombstone(Mutiny.Session session, String topic, UUID eventId, String key, String type, Instant at) {
        return write(session, topic, eventId, key, type, null, at);
    }

    private Uni<Void> write(Mutiny.Session session, String topic, UUID eventId, String key, String type, String payload,
                            Instant at) {
        return session.createNativeQuery(INSERT)
                .setParameter("id", eventId)
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("type", type)
                .setParameter("payload", payload)
                .setParameter("createdAt", at.atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .chain(() -> session.createNativeQuery(DELETE).setParameter("id", eventId).executeUpdate())
                .replaceWithVoid();
    }
}

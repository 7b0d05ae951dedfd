package io.nexusconnect.connectionservice.status;

import io.nexusconnect.connectionservice.inbox.InboundProcessing;
import io.nexusconnect.connectionservice.inbox.IncomingRecords;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.status.ConnectionStatusChanged;
import io.nexusconnect.contracts.status.Health;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * {@code nexus.connection-status.v1} → the status fields of the connection card. Applying a status is idempotent and
 * order-proof: it only lands when it is newer ({@code changedAt}) than the one the connection holds, and only on the
 * connection of the tenant the event names.
 */
@ApplicationScoped
public class ConnectionStatusConsumer {
    private static final String APPLY = """
            update ConnectionEntity c set c.status = :status, c.health = :health, c.statusErrorCode = :errorCode,
                c.statusErrorMessage = :errorMessage, c.lastSyncAt = :lastSyncAt, c.lastSyncId = :lastSyncId,
                c.nextSyncAt = :nextSyncAt, c.rateLimitedUntil = :rateLimitedUntil, c.statusChangedAt = :changedAt
            where c.id = :id and c.tenantId = :tenantId
                and (c.statusChangedAt is null or c.statusChangedAt < :changedAt)
            """;

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    InboundProcessing inbound;

    @Incoming("connection-status")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // tombstone: the orchestrator forgot a removed connection; nothing to show any more
            return Uni.createFrom().voidItem();
        }
        return inbound.process(record, r -> checked(IncomingRecords.decode(r, ConnectionStatusChanged.TYPE,
                        ConnectionStatusChanged.class)),
                event -> sessions.withTransaction((session, tx) ->
                        session.createMutationQuery(APPLY)
                                .setParameter("status", event.status().json())
                                .setParameter("health", (event.health() == null ? Health.UNKNOWN : event.health()).json())
                                .setParameter("errorCode", event.error() == null || event.error().code() == null
                                        ? null : event.error().code().json())
                                .setParameter("errorMessage", event.error() == null ? null : event.error().message())
                                .setParameter("lastSyncAt", event.lastSyncAt())
                                .setParameter("lastSyncId", event.lastSyncId())
                                .setParameter("nextSyncAt", event.nextSyncAt())
                                .setParameter("rateLimitedUntil", event.rateLimitedUntil())
                                .setParameter("changedAt", event.changedAt())
                                .setParameter("id", event.connectionId())
                                .setParameter("tenantId", event.tenantId())
                                .executeUpdate()));
    }

    private static ConnectionStatusChanged checked(ConnectionStatusChanged event) {
        if (event.connectionId() == null || event.tenantId() == null || event.status() == null || event.changedAt() == null) {
            throw new MalformedEventException("connection status event without connectionId, tenantId, status or changedAt");
        }
        return event;
    }

}

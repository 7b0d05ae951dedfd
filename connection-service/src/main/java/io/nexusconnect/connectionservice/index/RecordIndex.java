package io.nexusconnect.connectionservice.index;

import io.nexusconnect.connectionservice.outbox.OutboxWriter;
import io.nexusconnect.contracts.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The index of every key a connection has on the compacted state topics ({@code seen_records}): what a removal must
 * tombstone. A sighting locks the connection's row {@code FOR SHARE} for the rest of its transaction, so it is
 * ordered with a removal (which updates that row): either it commits first and the purge finds its key, or it sees the
 * connection removed and answers the record with its tombstone at once. Nothing of a removed connection is missed.
 */
@ApplicationScoped
public class RecordIndex {
    /** How a sighting went; only {@link #FIRST} changes a count. */
    public enum Sighting {
        /** the key was not indexed before */
        FIRST,
        /** indexed already (an update, a re-sync, a redelivery) */
        AGAIN,
        /** the record names a connection of another tenant, or none: not indexed, not counted */
        FOREIGN,
        /** the connection was removed: the record was answered with its tombstone */
        REMOVED
    }

    private static final String CONNECTION = "select removed_at is not null from connections where id = :id "
            + "and tenant_id = :tenant for share";
    private static final String INSERT = "insert into seen_records (connection_id, kind, external_id, last_seen_at) "
            + "values (:id, :kind, :ext, :at) on conflict do nothing";
    private static final String DROP = "delete from seen_records where connection_id = :id and kind = :kind "
            + "and external_id = :ext";
    private static final String TOUCH = "update seen_records set last_seen_at = greatest(last_seen_at, :at) "
            + "where connection_id = :id and kind = :kind and external_id = :ext";

    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;

    /**
     * Records that {@code connectionId}'s key {@code externalId} of {@code kind} exists, as of {@code recordTime} (the
     * Kafka record's timestamp), within the caller's transaction.
     */
    public Uni<Sighting> sighted(Mutiny.Session session, IndexedKind kind, UUID connectionId, String tenantId,
                                 String externalId, Instant recordTime) {
        return session.createNativeQuery(CONNECTION, Boolean.class).setParameter("id", connectionId)
                .setParameter("tenant", tenantId).getSingleResultOrNull()
                .chain(removed -> {
                    if (removed == null) {
                        return Uni.createFrom().item(Sighting.FOREIGN);
                    }
                    if (removed) {
                        return tombstone(session, kind, connectionId, externalId,
                                clock.instant().truncatedTo(ChronoUnit.MICROS)).replaceWith(Sighting.REMOVED);
                    }
                    var at = recordTime.atOffset(ZoneOffset.UTC);
                    return session.createNativeQuery(INSERT).setParameter("id", connectionId)
                            .setParameter("kind", kind.column()).setParameter("ext", externalId).setParameter("at", at)
                            .executeUpdate()
                            .chain(inserted -> inserted > 0 ? Uni.createFrom().item(Sighting.FIRST)
                                    : session.createNativeQuery(TOUCH).setParameter("id", connectionId)
                                    .setParameter("kind", kind.column()).setParameter("ext", externalId)
                                    .setParameter("at", at).executeUpdate().replaceWith(Sighting.AGAIN));
                });
    }

    /**
     * The key is gone (its connection removed, or its listing): a tombstone through the outbox and the index row
     * deleted, in the caller's transaction, so the key is either still indexed or tombstoned.
     */
    public Uni<Void> forget(Mutiny.Session session, IndexedKind kind, UUID connectionId, String externalId, Instant now) {
        return tombstone(session, kind, connectionId, externalId, now)
                .chain(() -> session.createNativeQuery(DROP).setParameter("id", connectionId)
                        .setParameter("kind", kind.column()).setParameter("ext", externalId).executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> tombstone(Mutiny.Session session, IndexedKind kind, UUID connectionId, String externalId,
                                Instant now) {
        return outbox.appendTombstone(session, kind.topic(), UUID.randomUUID(),
                Topics.recordKey(connectionId.toString(), externalId), kind.eventType(), now);
    }
}

package io.nexusconnect.connectionservice.index;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Makes the state topics forget a removed connection: the removal records a purge (same transaction), and the sweep
 * appends a tombstone through the outbox for every key the {@link RecordIndex} holds for it, deleting those index rows
 * in the transaction of their tombstones, so a key is either still indexed or tombstoned, never neither. Keys are
 * taken {@code FOR UPDATE SKIP LOCKED} in batches ({@code nexus.connections.purge.batch-size}): replicas sweeping at
 * the same time split them. A purge ends when no key of its connection is left; records arriving later (a cycle that
 * was in flight) are answered with their tombstone by the index itself, so none is indexed again.
 */
@ApplicationScoped
public class ConnectionPurges {
    private static final String REQUEST = "insert into connection_purges (connection_id, requested_at) values (:id, :at) "
            + "on conflict (connection_id) do nothing";
    private static final String TAKE = """
            select s.connection_id, s.kind, s.external_id from seen_records s
            join connection_purges p on p.connection_id = s.connection_id and p.finished_at is null
            order by p.requested_at, s.connection_id, s.kind, s.external_id
            limit :batch for update of s skip locked
            """;
    private static final String FINISH = """
            update connection_purges p set finished_at = :now where p.finished_at is null
            and not exists (select 1 from seen_records s where s.connection_id = p.connection_id)
            """;

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    RecordIndex index;
    @Inject
    Clock clock;
    @ConfigProperty(name = "nexus.connections.purge.batch-size", defaultValue = "300")
    int batchSize;

    private record Key(UUID connectionId, IndexedKind kind, String externalId) {
    }

    /** Within the removal's transaction: the connection's keys are to be tombstoned. */
    public Uni<Void> request(Mutiny.Session session, UUID connectionId, Instant at) {
        return session.createNativeQuery(REQUEST).setParameter("id", connectionId)
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate().replaceWithVoid();
    }

    /**
     * Tombstones batch after batch until no open purge has a key this replica can take, then ends the purges with
     * nothing left; the number of tombstones. Blocking: each batch is its own transaction, started from the caller's
     * (non-Vert.x) thread.
     */
    public int runDue(Duration timeout) {
        int total = 0;
        int done;
        do {
            done = OnSafeContext.await(this::batch, timeout);
            total += done;
        } while (done == batchSize);
        OnSafeContext.await(this::finish, timeout);
        return total;
    }

    private Uni<Integer> batch() {
        Instant now = now();
        return sessions.withTransaction((session, tx) -> session.createNativeQuery(TAKE, Object[].class)
                .setParameter("batch", batchSize).getResultList()
                .map(rows -> rows.stream().map(row -> new Key((UUID) row[0], IndexedKind.ofColumn((String) row[1]),
                        (String) row[2])).toList())
                .chain(keys -> tombstone(session, keys, now)));
    }

    private Uni<Integer> tombstone(Mutiny.Session session, List<Key> keys, Instant now) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // one after the other: a reactive session runs one statement at a time
        return Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(key -> index.forget(session, key.kind(), key.connectionId(),
                        key.externalId(), now))
                .collect().last().replaceWith(keys.size());
    }

    /** Ends the purges with no key left; a key another replica holds still exists, so its purge stays open. */
    private Uni<Integer> finish() {
        return sessions.withTransaction((session, tx) -> session.createNativeQuery(FINISH)
                .setParameter("now", now().atOffset(ZoneOffset.UTC)).executeUpdate());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

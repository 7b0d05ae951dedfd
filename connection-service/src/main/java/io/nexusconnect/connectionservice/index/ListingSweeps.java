package io.nexusconnect.connectionservice.index;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Forgets listings removed on the marketplace. A FULL cycle with PRODUCTS in scope that ends in SUCCESS enumerated
 * every listing, so a product of the connection not seen since the cycle started (and its level, if INVENTORY was in
 * scope) is gone: it gets its tombstone, leaves the index and the quick stats (products count, listing health).
 * <p>
 * Never a listing the cycle published: this service's product and inventory consumers may lag behind its sync-events
 * consumer, so {@link #record} only notes the cycle; the sweep first takes the end offsets of both topics (later than
 * the SyncCompleted, so past every record of the cycle), then waits until both consumer groups committed up to them and
 * the cycle's request (its mode) was read, and only then compares {@code last_seen_at} with the cycle's start. A
 * cycle whose request never arrives is given up after {@code give-up-after}, sweeping nothing.
 */
@ApplicationScoped
public class ListingSweeps {
    private static final String RECORD = """
            insert into listing_sweeps (sync_id, attempt, connection_id, marketplace, cycle_started_at, recorded_at)
            values (:syncId, :attempt, :connectionId, :marketplace, :startedAt, :now) on conflict do nothing
            """;
    private static final String OPEN = "select sync_id, attempt, end_offsets, recorded_at from listing_sweeps "
            + "where done_at is null order by recorded_at limit 100";
    private static final String SET_ENDS = "update listing_sweeps set end_offsets = :ends, checked_at = :now "
            + "where sync_id = :syncId and attempt = :attempt and end_offsets is null";
    private static final String CHECKED = "update listing_sweeps set checked_at = :now where sync_id = :syncId "
            + "and attempt = :attempt";
    private static final String LOCK = """
            select w.connection_id, w.cycle_started_at, r.mode, r.scopes, c.removed_at is not null
            from listing_sweeps w left join cycle_requests r on r.sync_id = w.sync_id and r.attempt = w.attempt
            left join connections c on c.id = w.connection_id
            where w.sync_id = :syncId and w.attempt = :attempt and w.done_at is null for update of w skip locked
            """;
    private static final String UNSEEN = """
            select kind, external_id from seen_records where connection_id = :id and kind in (:kinds)
            and coalesce(last_seen_at, '-infinity'::timestamptz) < :startedAt
            order by kind, external_id limit :batch for update skip locked
            """;
    private static final String UNCOUNT = "update connection_stats set products_synced = greatest(0, products_synced - :n) "
            + "where connection_id = :id";
    private static final String UNHEALTH = "delete from listing_health where connection_id = :id and external_id = :ext";
    private static final String DONE = "update listing_sweeps set done_at = :now, checked_at = :now, "
            + "tombstoned = coalesce(tombstoned, 0) + :n where sync_id = :syncId and attempt = :attempt";
    private static final String PROGRESS = "update listing_sweeps set checked_at = :now, "
            + "tombstoned = coalesce(tombstoned, 0) + :n where sync_id = :syncId and attempt = :attempt";
    private static final TypeReference<Map<String, Map<Integer, Long>>> ENDS = new TypeReference<>() {
    };

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    RecordIndex index;
    @Inject
    ConsumerPositions positions;
    @Inject
    Clock clock;
    @ConfigProperty(name = "nexus.listings.removal-sweep.enabled", defaultValue = "true")
    boolean enabled;
    /**
     * The marketplaces whose FULL products step enumerates every listing. Not Amazon: its listings search leaves out the
     * last two minutes (the search index lags) and a window of more than 1000 listings updated in the same second ends
     * the step early, so an Amazon listing missing from a FULL cycle is not proof that it was removed.
     */
    @ConfigProperty(name = "nexus.listings.removal-sweep.marketplaces",
            defaultValue = "ebay,shopify,walmart,kaufland,bol,zalando")
    List<String> sweptMarketplaces;
    @ConfigProperty(name = "nexus.listings.removal-sweep.batch-size", defaultValue = "300")
    int batchSize;
    @ConfigProperty(name = "nexus.listings.removal-sweep.give-up-after", defaultValue = "1h")
    Duration giveUpAfter;
    @ConfigProperty(name = "mp.messaging.incoming.products.group.id")
    String productsGroup;
    @ConfigProperty(name = "mp.messaging.incoming.inventory.group.id")
    String inventoryGroup;

    private record Open(UUID syncId, int attempt, String ends, Instant recordedAt) {
    }

    private record Batch(int tombstoned, boolean finished) {
    }

    /** In the transaction that stores a SyncCompleted: a successful cycle is noted for the sweep. */
    public Uni<Void> record(Mutiny.Session session, SyncCompleted completed) {
        if (!enabled || completed.outcome() != SyncOutcome.SUCCESS || completed.startedAt() == null
                || completed.marketplace() == null || !sweptMarketplaces.contains(completed.marketplace().id())) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(RECORD).setParameter("syncId", completed.syncId())
                .setParameter("attempt", completed.attempt()).setParameter("connectionId", completed.connectionId())
                .setParameter("marketplace", completed.marketplace().id())
                .setParameter("startedAt", completed.startedAt().atOffset(ZoneOffset.UTC))
                .setParameter("now", now().atOffset(ZoneOffset.UTC)).executeUpdate().replaceWithVoid();
    }

    /** One pass over the open sweeps (blocking; each step its own transaction); the number of tombstones. */
    public int runDue(Duration timeout) {
        List<Open> open = OnSafeContext.await(() -> sessions.withSession(session -> session
                        .createNativeQuery(OPEN, Object[].class).getResultList()), timeout).stream()
                .map(row -> new Open((UUID) row[0], ((Number) row[1]).intValue(), (String) row[2], instant(row[3])))
                .toList();
        int total = 0;
        for (Open sweep : open) {
            if (sweep.ends() == null) {
                String ends = Json.write(positions.ends(List.of(Topics.PRODUCTS, Topics.INVENTORY)));
                update(SET_ENDS, sweep, ends, timeout);
                continue;
            }
            Map<String, Map<Integer, Long>> ends = ends(sweep.ends());
            boolean caughtUp = positions.reached(productsGroup, Topics.PRODUCTS, ends.getOrDefault(Topics.PRODUCTS, Map.of()))
                    && positions.reached(inventoryGroup, Topics.INVENTORY, ends.getOrDefault(Topics.INVENTORY, Map.of()));
            if (!caughtUp) {
                update(CHECKED, sweep, null, timeout);
                continue;
            }
            Batch batch;
            do {
                batch = OnSafeContext.await(() -> sessions.withTransaction((session, tx) -> sweep(session, sweep)), timeout);
                total += batch.tombstoned();
            } while (!batch.finished() && batch.tombstoned() > 0);
        }
        return total;
    }

    private Uni<Batch> sweep(Mutiny.Session session, Open sweep) {
        Instant now = now();
        return session.createNativeQuery(LOCK, Object[].class).setParameter("syncId", sweep.syncId())
                .setParameter("attempt", sweep.attempt()).getResultList().chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(new Batch(0, true)); // another replica holds it, or it is done
                    }
                    Object[] row = rows.getFirst();
                    UUID connectionId = (UUID) row[0];
                    Instant startedAt = instant(row[1]);
                    String mode = (String) row[2];
                    String scopes = row[3] == null ? "" : (String) row[3];
                    boolean removed = Boolean.TRUE.equals(row[4]);
                    if (mode == null && !removed && sweep.recordedAt().plus(giveUpAfter).isAfter(now)) {
                        return mark(session, PROGRESS, sweep, 0, now).replaceWith(new Batch(0, true));
                    }
                    if (removed || !"FULL".equals(mode) || !List.of(scopes.split(",")).contains("PRODUCTS")) {
                        return mark(session, DONE, sweep, 0, now).replaceWith(new Batch(0, true));
                    }
                    List<String> kinds = List.of(scopes.split(",")).contains("INVENTORY")
                            ? List.of(IndexedKind.PRODUCT.column(), IndexedKind.INVENTORY.column())
                            : List.of(IndexedKind.PRODUCT.column());
                    return session.createNativeQuery(UNSEEN, Object[].class).setParameter("id", connectionId)
                            .setParameter("kinds", kinds).setParameter("startedAt", startedAt.atOffset(ZoneOffset.UTC))
                            .setParameter("batch", batchSize).getResultList()
                            .chain(unseen -> forget(session, connectionId, unseen, now)
                                    .chain(products -> products == 0 ? Uni.createFrom().voidItem()
                                            : session.createNativeQuery(UNCOUNT).setParameter("n", products)
                                            .setParameter("id", connectionId).executeUpdate().replaceWithVoid())
                                    .chain(() -> mark(session, unseen.size() < batchSize ? DONE : PROGRESS, sweep,
                                            unseen.size(), now))
                                    .replaceWith(new Batch(unseen.size(), unseen.size() < batchSize)));
                });
    }

    /** Tombstones and un-indexes the keys; the number of products among them. */
    private Uni<Integer> forget(Mutiny.Session session, UUID connectionId, List<Object[]> keys, Instant now) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // one after the other: a reactive session runs one statement at a time
        return Multi.createFrom().iterable(keys).onItem().transformToUniAndConcatenate(key -> {
                    IndexedKind kind = IndexedKind.ofColumn((String) key[0]);
                    String externalId = (String) key[1];
                    Uni<Integer> health = kind == IndexedKind.PRODUCT
                            ? session.createNativeQuery(UNHEALTH).setParameter("id", connectionId)
                            .setParameter("ext", externalId).executeUpdate()
                            : Uni.createFrom().item(0);
                    return index.forget(session, kind, connectionId, externalId, now)
                            .chain(() -> health)
                            .replaceWith(kind == IndexedKind.PRODUCT ? 1 : 0);
                })
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Void> mark(Mutiny.Session session, String statement, Open sweep, int tombstoned, Instant now) {
        return session.createNativeQuery(statement).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("n", tombstoned).setParameter("syncId", sweep.syncId())
                .setParameter("attempt", sweep.attempt()).executeUpdate().replaceWithVoid();
    }

    private void update(String statement, Open sweep, String ends, Duration timeout) {
        OnSafeContext.await(() -> sessions.withTransaction((session, tx) -> {
            var query = session.createNativeQuery(statement).setParameter("now", now().atOffset(ZoneOffset.UTC))
                    .setParameter("syncId", sweep.syncId()).setParameter("attempt", sweep.attempt());
            return (ends == null ? query : query.setParameter("ends", ends)).executeUpdate();
        }), timeout);
    }

    private static Map<String, Map<Integer, Long>> ends(String json) {
        try {
            return Json.mapper().readValue(json, ENDS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable end offsets of a listing sweep", e);
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case java.sql.Timestamp ts -> ts.toInstant();
            case java.time.LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

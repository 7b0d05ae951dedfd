package io.nexusconnect.connectionservice.stats;

import io.nexusconnect.contracts.normalized.ListingHealth;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.nexusconnect.connectionservice.index.IndexedKind;
import io.nexusconnect.connectionservice.index.RecordIndex;
import io.nexusconnect.connectionservice.index.RecordIndex.Sighting;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Counts products and orders of a connection once each: the first sighting of a {@code (connection, kind, externalId)}
 * in the {@link RecordIndex} increments the counter in the same transaction, every later one (an update, a re-sync, a
 * redelivery) changes nothing; a record of a removed connection counts nowhere (the index answers it with a tombstone).
 */
@ApplicationScoped
public class StatsCounter {
    private static final String PRODUCT = "insert into connection_stats (connection_id, products_synced) values (:id, 1) "
            + "on conflict (connection_id) do update set products_synced = connection_stats.products_synced + 1";
    /** The newest verdict per listing; written only for a live connection of the record's tenant. */
    private static final String HEALTH = "insert into listing_health (connection_id, external_id, verdict) "
            + "values (:id, :ext, :verdict) "
            + "on conflict (connection_id, external_id) do update set verdict = excluded.verdict";
    private static final String ORDER = "insert into connection_order_days (connection_id, day, orders) values (:id, :day, 1) "
            + "on conflict (connection_id, day) do update set orders = connection_order_days.orders + 1";

    @Inject
    RecordIndex index;

    /** Counts the product once and keeps its health verdict, when it carries one, for the unhealthy-listings figure. */
    public Uni<Sighting> countProduct(Mutiny.Session session, UUID connectionId, String tenantId, String externalId,
                                      ListingHealth health, Instant recordTime) {
        return index.sighted(session, IndexedKind.PRODUCT, connectionId, tenantId, externalId, recordTime)
                .call(sighting -> sighting == Sighting.FIRST
                        ? session.createNativeQuery(PRODUCT).setParameter("id", connectionId).executeUpdate()
                        : Uni.createFrom().nullItem())
                .call(sighting -> health == null || !live(sighting) ? Uni.createFrom().nullItem()
                        : session.createNativeQuery(HEALTH).setParameter("id", connectionId).setParameter("ext", externalId)
                        .setParameter("verdict", health.verdict().json()).executeUpdate());
    }

    public Uni<Sighting> countOrder(Mutiny.Session session, UUID connectionId, String tenantId, String externalId,
                                    Instant purchasedAt, Instant recordTime) {
        LocalDate day = purchasedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        return index.sighted(session, IndexedKind.ORDER, connectionId, tenantId, externalId, recordTime)
                .call(sighting -> sighting == Sighting.FIRST
                        ? session.createNativeQuery(ORDER).setParameter("id", connectionId).setParameter("day", day)
                        .executeUpdate()
                        : Uni.createFrom().nullItem());
    }

    private static boolean live(Sighting sighting) {
        return sighting == Sighting.FIRST || sighting == Sighting.AGAIN;
    }
}

package io.nexusconnect.connectionservice.stats;

import io.nexusconnect.contracts.normalized.ListingHealth;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Counts products and orders of a connection once each: the first sighting of a {@code (connection, kind, externalId)}
 * increments the counter in the same transaction, every later one (an update, a re-sync, a redelivery) changes nothing.
 */
@ApplicationScoped
public class StatsCounter {
    private static final String SEEN = "insert into seen_records (connection_id, kind, external_id) values (:id, :kind, :ext) "
            + "on conflict do nothing";
    private static final String OWNED = "select count(*) from connections where id = :id and tenant_id = :tenant";
    private static final String PRODUCT = "insert into connection_stats (connection_id, products_synced) values (:id, 1) "
            + "on conflict (connection_id) do update set products_synced = connection_stats.products_synced + 1";
    /** The newest verdict per listing; written only for a connection of the record's tenant. */
    private static final String HEALTH = "insert into listing_health (connection_id, external_id, verdict) "
            + "select :id, :ext, :verdict where exists (select 1 from connections where id = :id and tenant_id = :tenant) "
            + "on conflict (connection_id, external_id) do update set verdict = excluded.verdict";
    private static final String ORDER = "insert into connection_order_days (connection_id, day, orders) values (:id, :day, 1) "
            + "on conflict (connection_id, day) do update set orders = connection_order_days.orders + 1";

    public Uni<Boolean> countProduct(Mutiny.Session session, UUID connectionId, String tenantId, String externalId) {
        return countProduct(session, connectionId, tenantId, externalId, null);
    }

    /** Counts the product once and keeps its health verdict, when it carries one, for the unhealthy-listings figure. */
    public Uni<Boolean> countProduct(Mutiny.Session session, UUID connectionId, String tenantId, String externalId,
                                     ListingHealth health) {
        return firstSighting(session, connectionId, tenantId, "product", externalId).call(first -> first
                        ? session.createNativeQuery(PRODUCT).setParameter("id", connectionId).executeUpdate()
                        : Uni.createFrom().nullItem())
                .call(() -> health == null ? Uni.createFrom().nullItem() : session.createNativeQuery(HEALTH)
                        .setParameter("id", connectionId).setParameter("ext", externalId)
                        .setParameter("verdict", health.verdict().json()).setParameter("tenant", tenantId)
                        .executeUpdate());
    }

    public Uni<Boolean> countOrder(Mutiny.Session session, UUID connectionId, String tenantId, String externalId,
                                   Instant purchasedAt) {
        LocalDate day = purchasedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        return firstSighting(session, connectionId, tenantId, "order", externalId).call(first -> first
                ? session.createNativeQuery(ORDER).setParameter("id", connectionId).setParameter("day", day).executeUpdate()
                : Uni.createFrom().nullItem());
    }

    private Uni<Boolean> firstSighting(Mutiny.Session session, UUID connectionId, String tenantId, String kind,
                                       String externalId) {
        // a record naming a connection of another tenant is not counted anywhere
        return session.createNativeQuery(OWNED, Long.class).setParameter("id", connectionId).setParameter("tenant", tenantId)
                .getSingleResult()
                .chain(owned -> owned == 0 ? Uni.createFrom().item(false) : session.createNativeQuery(SEEN)
                        .setParameter("id", connectionId).setParameter("kind", kind).setParameter("ext", externalId)
                        .executeUpdate().map(inserted -> inserted > 0));
    }
}

package io.nexusconnect.connectionservice.stats;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The quick stats of many cards in three queries, so the connections list stays one call with a fixed cost. */
@ApplicationScoped
public class StatsReader {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Clock clock;

    public Uni<Map<UUID, QuickStats>> of(Collection<UUID> connectionIds) {
        if (connectionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        List<UUID> ids = List.copyOf(connectionIds);
        return sessions.withSession(session -> session.createNativeQuery(
                        "select connection_id, products_synced from connection_stats where connection_id in (:ids)", Object[].class)
                .setParameter("ids", ids).getResultList()
                .chain(products -> session.createNativeQuery(
                                "select connection_id, orders from connection_order_days where day = :day and connection_id in (:ids)",
                                Object[].class)
                        .setParameter("day", today).setParameter("ids", ids).getResultList()
                        .chain(orders -> session.createNativeQuery(
                                        "select connection_id, count(*) from listing_health where verdict <> 'active' "
                                                + "and connection_id in (:ids) group by connection_id", Object[].class)
                                .setParameter("ids", ids).getResultList()
                                .map(unhealthy -> {
                                    Map<UUID, Long> productCounts = counts(products);
                                    Map<UUID, Long> orderCounts = counts(orders);
                                    Map<UUID, Long> unhealthyCounts = counts(unhealthy);
                                    Map<UUID, QuickStats> stats = new HashMap<>();
                                    for (UUID id : ids) {
                                        stats.put(id, new QuickStats(productCounts.getOrDefault(id, 0L),
                                                orderCounts.getOrDefault(id, 0L), unhealthyCounts.getOrDefault(id, 0L)));
                                    }
                                    return stats;
                                }))));
    }

    private static Map<UUID, Long> counts(List<Object[]> rows) {
        Map<UUID, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}

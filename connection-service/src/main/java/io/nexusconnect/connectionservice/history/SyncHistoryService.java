package io.nexusconnect.connectionservice.history;

import io.nexusconnect.connectionservice.connection.ConnectionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the sync log of a connection the caller's tenant owns, removed ones included (Remove keeps the history). */
@ApplicationScoped
public class SyncHistoryService {
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;
    private static final String WHEN = "coalesce(startedAt, firstSeenAt)";

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    ConnectionService connections;

    /** The filters of View Sync Log: statuses (empty = all), and a half-open time range [from, to) of the start. */
    public record Filter(List<String> statuses, Instant from, Instant to) {
        public static final Filter NONE = new Filter(List.of(), null, null);

        String where() {
            return "connectionId = :id"
                    + (statuses.isEmpty() ? "" : " and status in (:statuses)")
                    + (from == null ? "" : " and " + WHEN + " >= :from")
                    + (to == null ? "" : " and " + WHEN + " < :to");
        }

        <Q extends Mutiny.SelectionQuery<?>> Q bind(Q query, UUID connectionId) {
            query.setParameter("id", connectionId);
            if (!statuses.isEmpty()) {
                query.setParameter("statuses", statuses);
            }
            if (from != null) {
                query.setParameter("from", from);
            }
            if (to != null) {
                query.setParameter("to", to);
            }
            return query;
        }
    }

    public Uni<SyncHistoryView> page(String tenantId, UUID connectionId, int page, int size) {
        return page(tenantId, connectionId, Filter.NONE, page, size);
    }

    public Uni<SyncHistoryView> page(String tenantId, UUID connectionId, Filter filter, int page, int size) {
        // the connection lookup is the tenant check: another tenant's id is a 404 before any history is read
        return connections.findIncludingRemoved(tenantId, connectionId).chain(connection -> sessions.withSession(session ->
                filter.bind(session.createSelectionQuery("select count(*) from SyncHistoryEntity where " + filter.where(),
                                Long.class), connectionId)
                        .getSingleResult()
                        .chain(total -> filter.bind(session.createSelectionQuery("from SyncHistoryEntity where "
                                        + filter.where() + " order by " + WHEN + " desc, syncId", SyncHistoryEntity.class),
                                        connectionId)
                                .setFirstResult(page * size)
                                .setMaxResults(size)
                                .getResultList()
                                .map(rows -> new SyncHistoryView(page, size, total,
                                        rows.stream().map(SyncHistoryView::cycle).toList())))));
    }
}

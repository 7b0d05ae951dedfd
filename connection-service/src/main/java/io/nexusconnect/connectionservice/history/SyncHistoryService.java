package io.nexusconnect.connectionservice.history;

import io.nexusconnect.connectionservice.connection.ConnectionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.UUID;

/** Reads the sync log of a connection the caller's tenant owns. */
@ApplicationScoped
public class SyncHistoryService {
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    ConnectionService connections;

    public Uni<SyncHistoryView> page(String tenantId, UUID connectionId, int page, int size) {
        // the connection lookup is the tenant check: another tenant's id is a 404 before any history is read
        return connections.find(tenantId, connectionId).chain(connection -> sessions.withSession(session ->
                session.createSelectionQuery("select count(*) from SyncHistoryEntity where connectionId = :id", Long.class)
                        .setParameter("id", connectionId)
                        .getSingleResult()
                        .chain(total -> session.createSelectionQuery("""
                                        from SyncHistoryEntity where connectionId = :id
                                        order by coalesce(startedAt, firstSeenAt) desc, syncId""", SyncHistoryEntity.class)
                                .setParameter("id", connectionId)
                                .setFirstResult(page * size)
                                .setMaxResults(size)
                                .getResultList()
                                .map(rows -> new SyncHistoryView(page, size, total,
                                        rows.stream().map(SyncHistoryView::cycle).toList())))));
    }
}

package io.nexusconnect.connectionservice.history;

import io.nexusconnect.contracts.sync.RecordCounts;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncError;
import io.nexusconnect.contracts.sync.SyncEvent;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Folds sync events into {@code sync_history} with single-statement upserts, so the outcome does not depend on the
 * order in which the events of one cycle arrive: a final status is never overwritten by a late {@code started} or
 * {@code progress}, counts only grow while the cycle runs, and a repeated {@code completed} changes nothing.
 */
@ApplicationScoped
public class SyncHistoryWriter {
    /*
     * A retry keeps its syncId and raises the attempt (the orchestrator's RetryPolicy). The row shows the latest
     * attempt: its start resets what an earlier attempt left, and events of an older attempt change nothing.
     */
    private static final String STARTED = """
            insert into sync_history (sync_id, connection_id, tenant_id, trigger, attempt, started_at, status)
            values (:syncId, :connectionId, :tenantId, :trigger, :attempt, :startedAt, 'running')
            on conflict (sync_id) do update set
                trigger = case when excluded.attempt > coalesce(sync_history.attempt, 0) then excluded.trigger
                    else coalesce(sync_history.trigger, excluded.trigger) end,
                started_at = case when excluded.attempt > coalesce(sync_history.attempt, 0) then excluded.started_at
                    else coalesce(sync_history.started_at, excluded.started_at) end,
                duration_ms = case when excluded.attempt > coalesce(sync_history.attempt, 0) then null
                    when sync_history.finished_at is null then sync_history.duration_ms
                    else (extract(epoch from (sync_history.finished_at
                          - coalesce(sync_history.started_at, excluded.started_at))) * 1000)::bigint end,
                finished_at = case when excluded.attempt > coalesce(sync_history.attempt, 0) then null
                    else sync_history.finished_at end,
                status = case when excluded.attempt > coalesce(sync_history.attempt, 0) then 'running'
                    else sync_history.status end,
                products_count = case when excluded.attempt > coalesce(sync_history.attempt, 0) then 0
                    else sync_history.products_count end,
                orders_count = case when excluded.attempt > coalesce(sync_history.attempt, 0) then 0
                    else sync_history.orders_count end,
                inventory_count = case when excluded.attempt > coalesce(sync_history.attempt, 0) then 0
                    else sync_history.inventory_count end,
                error_code = case when excluded.attempt > coalesce(sync_history.attempt, 0) then null
                    else sync_history.error_code end,
                error_message = case when excluded.attempt > coalesce(sync_history.attempt, 0) then null
                    else sync_history.error_message end,
                error_http_status = case when excluded.attempt > coalesce(sync_history.attempt, 0) then null
                    else sync_history.error_http_status end,
                error_raw_response = case when excluded.attempt > coalesce(sync_history.attempt, 0) then null
                    else sync_history.error_raw_response end,
                error_request_id = case when excluded.attempt > coalesce(sync_history.attempt, 0) then null
                    else sync_history.error_request_id end,
                attempt = greatest(coalesce(sync_history.attempt, 0), excluded.attempt),
                updated_at = now()
            where excluded.attempt >= coalesce(sync_history.attempt, 0)
            """;

    // progress counts are cumulative per cycle (SyncProgress: "records published so far"); max() tolerates reordering
    private static final String PROGRESS = """
            insert into sync_history (sync_id, connection_id, tenant_id, status, products_count, orders_count, inventory_count)
            values (:syncId, :connectionId, :tenantId, 'running', :products, :orders, :inventory)
            on conflict (sync_id) do update set
                products_count = greatest(sync_history.products_count, excluded.products_count),
                orders_count = greatest(sync_history.orders_count, excluded.orders_count),
                inventory_count = greatest(sync_history.inventory_count, excluded.inventory_count),
                updated_at = now()
            where sync_history.status = 'running'
            """;

    private static final String COMPLETED = """
            insert into sync_history (sync_id, connection_id, tenant_id, trigger, attempt, started_at, finished_at,
                duration_ms, status, products_count, orders_count, inventory_count, error_code, error_message,
                error_http_status, error_raw_response, error_request_id)
            values (:syncId, :connectionId, :tenantId, :trigger, :attempt, :startedAt, :finishedAt, :durationMs, :status,
                :products, :orders, :inventory, :errorCode, :errorMessage, :httpStatus, :rawResponse, :requestId)
            on conflict (sync_id) do update set
                trigger = coalesce(excluded.trigger, sync_history.trigger),
                attempt = coalesce(excluded.attempt, sync_history.attempt),
                started_at = coalesce(excluded.started_at, sync_history.started_at),
                finished_at = excluded.finished_at, duration_ms = excluded.duration_ms, status = excluded.status,
                products_count = excluded.products_count, orders_count = excluded.orders_count,
                inventory_count = excluded.inventory_count, error_code = excluded.error_code,
                error_message = excluded.error_message, error_http_status = excluded.error_http_status,
                error_raw_response = excluded.error_raw_response, error_request_id = excluded.error_request_id,
                updated_at = now()
            where (sync_history.status = 'running' and excluded.attempt >= coalesce(sync_history.attempt, 0))
               or excluded.attempt > coalesce(sync_history.attempt, 0)
            """;

    public Uni<Void> apply(Mutiny.Session session, SyncEvent event) {
        return switch (event) {
            case SyncStarted started -> started(session, started);
            case SyncProgress progress -> progress(session, progress);
            case SyncCompleted completed -> completed(session, completed);
        };
    }

    private Uni<Void> started(Mutiny.Session session, SyncStarted e) {
        return session.createNativeQuery(STARTED)
                .setParameter("syncId", e.syncId())
                .setParameter("connectionId", e.connectionId())
                .setParameter("tenantId", e.tenantId())
                .setParameter("trigger", e.trigger() == null ? null : e.trigger().json())
                .setParameter("attempt", e.attempt())
                .setParameter("startedAt", time(e.startedAt()))
                .executeUpdate().replaceWithVoid();
    }

    private Uni<Void> progress(Mutiny.Session session, SyncProgress e) {
        RecordCounts counts = e.counts() == null ? RecordCounts.ZERO : e.counts();
        return session.createNativeQuery(PROGRESS)
                .setParameter("syncId", e.syncId())
                .setParameter("connectionId", e.connectionId())
                .setParameter("tenantId", e.tenantId())
                .setParameter("products", counts.products())
                .setParameter("orders", counts.orders())
                .setParameter("inventory", counts.inventory())
                .executeUpdate().replaceWithVoid();
    }

    private Uni<Void> completed(Mutiny.Session session, SyncCompleted e) {
        RecordCounts counts = e.counts() == null ? RecordCounts.ZERO : e.counts();
        SyncError error = e.error();
        Long duration = e.startedAt() == null || e.finishedAt() == null
                ? null : e.finishedAt().toEpochMilli() - e.startedAt().toEpochMilli();
        return session.createNativeQuery(COMPLETED)
                .setParameter("syncId", e.syncId())
                .setParameter("connectionId", e.connectionId())
                .setParameter("tenantId", e.tenantId())
                .setParameter("trigger", e.trigger() == null ? null : e.trigger().json())
                .setParameter("attempt", e.attempt())
                .setParameter("startedAt", time(e.startedAt()))
                .setParameter("finishedAt", time(e.finishedAt()))
                .setParameter("durationMs", duration)
                .setParameter("status", e.outcome().json())
                .setParameter("products", counts.products())
                .setParameter("orders", counts.orders())
                .setParameter("inventory", counts.inventory())
                .setParameter("errorCode", error == null || error.code() == null ? null : error.code().json())
                .setParameter("errorMessage", error == null ? null : error.message())
                .setParameter("httpStatus", error == null ? null : error.httpStatus())
                .setParameter("rawResponse", error == null ? null : error.rawResponse())
                .setParameter("requestId", error == null ? null : error.requestId())
                .executeUpdate().replaceWithVoid();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

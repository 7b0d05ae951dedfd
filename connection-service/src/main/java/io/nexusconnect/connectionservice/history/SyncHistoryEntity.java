package io.nexusconnect.connectionservice.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One sync cycle of a connection as the sync log shows it. Written only by {@link SyncHistoryWriter}. */
@Entity
@Table(name = "sync_history")
public class SyncHistoryEntity {
    @Id
    @Column(name = "sync_id")
    public UUID syncId;
    @Column(name = "connection_id")
    public UUID connectionId;
    @Column(name = "tenant_id")
    public String tenantId;
    public String trigger;
    public Integer attempt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "duration_ms")
    public Long durationMs;
    public String status;
    @Column(name = "products_count")
    public long productsCount;
    @Column(name = "orders_count")
    public long ordersCount;
    @Column(name = "inventory_count")
    public long inventoryCount;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error_message")
    public String errorMessage;
    @Column(name = "error_http_status")
    public Integer errorHttpStatus;
    @Column(name = "error_raw_response")
    public String errorRawResponse;
    @Column(name = "error_request_id")
    public String errorRequestId;
    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}

package io.nexusconnect.orchestrator;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.security.SealedSecret;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.RecordCounts;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncError;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.nexusconnect.contracts.sync.SyncTrigger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Events as connection-service and the adapters send them. */
public final class Fixtures {
    public static final Map<String, String> CURSORS = Map.of(
            "orders.lastUpdatedAfter", "2026-03-02T07:55:00Z",
            "products.lastUpdatedAfter", "2026-03-02T07:56:00Z");
    private static final SealedSecret SEALED = new SealedSecret("k1", SealedSecret.AES_256_GCM, "AAAAAAAAAAAAAAAA", "c2VhbGVk");

    private Fixtures() {
    }

    public static ConnectionSnapshot snapshot(UUID id, ConnectionState state, SyncInterval interval, long version) {
        return snapshot(id, state, interval, version, SEALED);
    }

    public static ConnectionSnapshot snapshot(UUID id, ConnectionState state, SyncInterval interval, long version,
                                              SealedSecret credentials) {
        return new ConnectionSnapshot(id, "tenant-" + id.toString().substring(0, 8), Marketplace.AMAZON, "A3NEXUSDEMO01",
                "US store", Map.of("region", "NA", "marketplaceIds", "ATVPDKIKX0DER", "sandbox", "true"), state,
                new ConnectionSettings(interval, null, OrderLookback.NINETY_DAYS, 0, true, null), TenantPolicy.defaults(), credentials, version,
                Instant.parse("2026-03-01T12:00:00Z"));
    }

    /** A snapshot with the given settings and tenant policy (windows, buffers, retry attempts, cooldowns). */
    public static ConnectionSnapshot snapshot(UUID id, ConnectionSettings settings, TenantPolicy policy, long version) {
        return new ConnectionSnapshot(id, "tenant-" + id.toString().substring(0, 8), Marketplace.AMAZON, "A3NEXUSDEMO01",
                "US store", Map.of("region", "NA"), ConnectionState.ACTIVE, settings, policy, SEALED, version,
                Instant.parse("2026-03-01T12:00:00Z"));
    }

    public static SyncStarted started(SyncRequested request, Instant at) {
        return new SyncStarted(request.syncId(), request.connectionId(), request.tenantId(), request.marketplace(),
                request.trigger(), request.scopes(), request.attempt(), at);
    }

    public static SyncCompleted succeeded(SyncRequested request, Map<String, String> cursors, Instant at) {
        return new SyncCompleted(request.syncId(), request.connectionId(), request.tenantId(), request.marketplace(),
                request.trigger(), request.attempt(), SyncOutcome.SUCCESS, request.requestedAt(), at,
                new RecordCounts(12, 3, 12), cursors, null, null);
    }

    public static SyncCompleted failed(SyncRequested request, ErrorCode code, String message, Instant rateLimitedUntil,
                                       Instant at) {
        return new SyncCompleted(request.syncId(), request.connectionId(), request.tenantId(), request.marketplace(),
                request.trigger(), request.attempt(), SyncOutcome.FAILED, request.requestedAt(), at, RecordCounts.ZERO,
                request.cursors(), SyncError.of(code, message, code == ErrorCode.RATE_LIMITED ? 429 : 403,
                "{\"errors\":[{\"code\":\"" + code.name() + "\",\"message\":\"" + message + "\"}]}", "req-1"),
                rateLimitedUntil);
    }

    public static SyncNowRequested syncNow(UUID connectionId, Instant at) {
        return new SyncNowRequested(UUID.randomUUID(), connectionId, "tenant-" + connectionId.toString().substring(0, 8),
                SyncTrigger.MANUAL, SyncMode.FULL, at);
    }
}

package io.nexusconnect.adapterkit.sync;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What a cycle's steps know about their request: the connection, its opened credentials, cursors and the clock. */
public final class CycleContext {
    private final SyncRequested request;
    private final ConnectionCredentials credentials;
    private final Clock clock;
    private final Instant startedAt;

    public CycleContext(SyncRequested request, ConnectionCredentials credentials, Clock clock, Instant startedAt) {
        this.request = request;
        this.credentials = credentials;
        this.clock = clock;
        this.startedAt = startedAt;
    }

    public SyncRequested request() {
        return request;
    }

    public UUID syncId() {
        return request.syncId();
    }

    public ConnectionSnapshot connection() {
        return request.connection();
    }

    public ConnectionCredentials credentials() {
        return credentials;
    }

    public Clock clock() {
        return clock;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The cursor of the last completed cycle; a full sync ignores cursors and re-reads the lookback. */
    public Optional<String> cursor(String name) {
        Map<String, String> cursors = request.cursors();
        if (request.mode() == SyncMode.FULL || cursors == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(cursors.get(name)).filter(value -> !value.isBlank());
    }

    public boolean wants(SyncScope scope) {
        return request.scopes() != null && request.scopes().contains(scope);
    }

    /** How far back orders go without a cursor: the request's, else the connection's setting, else 30 days. */
    public OrderLookback lookback() {
        if (request.lookback() != null) {
            return request.lookback();
        }
        var settings = request.connection() == null ? null : request.connection().settings();
        return settings != null && settings.orderLookback() != null ? settings.orderLookback() : OrderLookback.THIRTY_DAYS;
    }
}

package io.nexusconnect.orchestrator.alert;

import io.nexusconnect.contracts.alert.Alert;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.status.StatusError;
import io.nexusconnect.orchestrator.state.StatusView;
import io.nexusconnect.orchestrator.state.SyncState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * When a status change deserves an alert on {@code nexus.alerts.v1}: the connection entered error (or changed to a
 * different error), or its health became unhealthy. At most one alert per connection and alert key (the error code, or
 * "unhealthy") within the tenant's {@code alertCooldown}; the times are kept in the connection's state, so the
 * cooldown survives restarts and rebalances.
 */
public final class AlertRule {
    public static final String UNHEALTHY = "unhealthy";
    private final Duration fallbackCooldown;

    public AlertRule(Duration fallbackCooldown) {
        this.fallbackCooldown = fallbackCooldown;
    }

    public static AlertRule defaults() {
        return new AlertRule(TenantPolicy.defaults().alertCooldown());
    }

    /** The alerts to raise (none, or one per kind) and the state remembering them. */
    public Checked check(SyncState state, StatusView next, Instant now) {
        StatusView previous = state.published();
        List<Alert> alerts = new ArrayList<>(2);
        SyncState after = state;
        if (next.status() == ConnectionStatus.ERROR && next.error() != null && !sameError(previous, next)) {
            after = raise(after, alerts, Alert.Kind.ERROR, "error:" + next.error().code().json(), next.error(), now);
        }
        boolean wasUnhealthy = previous != null && previous.health() == Health.UNHEALTHY;
        if (next.health() == Health.UNHEALTHY && !wasUnhealthy) {
            StatusError cause = state.last() == null ? null : state.last().error();
            after = raise(after, alerts, Alert.Kind.UNHEALTHY, UNHEALTHY, cause, now);
        }
        return new Checked(List.copyOf(alerts), after);
    }

    public record Checked(List<Alert> alerts, SyncState state) {
    }

    private SyncState raise(SyncState state, List<Alert> alerts, Alert.Kind kind, String key, StatusError error, Instant now) {
        Instant lastRaised = state.alertedAt().get(key);
        if (lastRaised != null && now.isBefore(lastRaised.plus(cooldownOf(state.connection())))) {
            return state;
        }
        ConnectionSnapshot connection = state.connection();
        alerts.add(new Alert(UUID.randomUUID(), connection.connectionId(), connection.tenantId(), connection.marketplace(),
                kind, error, now));
        return state.withAlerted(key, now);
    }

    private Duration cooldownOf(ConnectionSnapshot connection) {
        TenantPolicy tenant = connection.policy();
        return tenant != null && tenant.alertCooldown() != null ? tenant.alertCooldown() : fallbackCooldown;
    }

    private static boolean sameError(StatusView previous, StatusView next) {
        return previous != null && previous.status() == ConnectionStatus.ERROR && previous.error() != null
                && previous.error().code() == next.error().code();
    }
}

package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncWindow;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.sync.SyncScope;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The knobs of the schedule. The tenant's {@link TenantPolicy} inside each snapshot wins over the static values here,
 * which only apply to snapshots without a policy (older producers).
 *
 * @param defaultInterval  for a connection whose settings and tenant policy name no interval
 * @param intervalOverride replaces every connection's interval (local demo: minutes instead of hours); empty in prod
 * @param cycleTimeout     a running cycle with no sign of life for this long is dead
 * @param healthWindow     how many recent cycles health looks at when the snapshot has no tenant policy
 * @param scopes           what every cycle fetches
 * @param catchUpSpread    overdue schedules found when partitions are loaded are spread over up to this long
 */
public record SchedulePolicy(
        Duration defaultInterval,
        Optional<Duration> intervalOverride,
        Duration cycleTimeout,
        int healthWindow,
        Set<SyncScope> scopes,
        Duration catchUpSpread) {

    public static final OrderLookback DEFAULT_LOOKBACK = ConnectionSettings.defaults().orderLookback();
    public static final Duration DEFAULT_CATCH_UP_SPREAD = Duration.ofMinutes(10);

    public SchedulePolicy {
        if (healthWindow < 1) {
            throw new IllegalArgumentException("health window must be at least 1 cycle");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("a cycle needs at least one scope");
        }
        if (catchUpSpread == null || catchUpSpread.isNegative()) {
            throw new IllegalArgumentException("the catch-up spread must be zero or positive");
        }
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    public SchedulePolicy(Duration defaultInterval, Optional<Duration> intervalOverride, Duration cycleTimeout,
                          int healthWindow, Set<SyncScope> scopes) {
        this(defaultInterval, intervalOverride, cycleTimeout, healthWindow, scopes, DEFAULT_CATCH_UP_SPREAD);
    }

    public static SchedulePolicy defaults() {
        return new SchedulePolicy(Duration.ofHours(1), Optional.empty(), Duration.ofMinutes(30), 10,
                EnumSet.allOf(SyncScope.class));
    }

    /** The override, else the connection's own interval, else its tenant's default, else the configured default. */
    public Duration intervalOf(ConnectionSnapshot connection) {
        if (intervalOverride.isPresent()) {
            return intervalOverride.get();
        }
        ConnectionSettings settings = connection.settings();
        if (settings != null && settings.syncInterval() != null) {
            return settings.syncInterval().duration();
        }
        TenantPolicy tenant = connection.policy();
        return tenant != null && tenant.defaultSyncInterval() != null ? tenant.defaultSyncInterval().duration() : defaultInterval;
    }

    public OrderLookback lookbackOf(ConnectionSnapshot connection) {
        ConnectionSettings settings = connection.settings();
        return settings == null || settings.orderLookback() == null ? DEFAULT_LOOKBACK : settings.orderLookback();
    }

    public int healthWindowOf(ConnectionSnapshot connection) {
        TenantPolicy tenant = connection == null ? null : connection.policy();
        return tenant != null && tenant.healthWindow() >= 1 ? tenant.healthWindow() : healthWindow;
    }

    /** The connection's business hours; null when it may be polled at any hour. */
    public static SyncWindow windowOf(ConnectionSnapshot connection) {
        ConnectionSettings settings = connection.settings();
        return settings == null ? null : settings.syncWindow();
    }
}

package io.nexusconnect.orchestrator.schedule;

import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.sync.SyncScope;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The knobs of the schedule.
 *
 * @param defaultInterval  for a connection whose settings name no interval
 * @param intervalOverride replaces every connection's interval (local demo: minutes instead of hours); empty in prod
 * @param cycleTimeout     a running cycle with no sign of life for this long is dead
 * @param healthWindow     how many recent cycles health looks at
 * @param scopes           what every cycle fetches
 */
public record SchedulePolicy(
        Duration defaultInterval,
        Optional<Duration> intervalOverride,
        Duration cycleTimeout,
        int healthWindow,
        Set<SyncScope> scopes) {

    public static final OrderLookback DEFAULT_LOOKBACK = ConnectionSettings.defaults().orderLookback();

    public SchedulePolicy {
        if (healthWindow < 1) {
            throw new IllegalArgumentException("health window must be at least 1 cycle");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("a cycle needs at least one scope");
        }
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    public static SchedulePolicy defaults() {
        return new SchedulePolicy(Duration.ofHours(1), Optional.empty(), Duration.ofMinutes(30), 10,
                EnumSet.allOf(SyncScope.class));
    }

    public Duration intervalOf(ConnectionSnapshot connection) {
        if (intervalOverride.isPresent()) {
            return intervalOverride.get();
        }
        ConnectionSettings settings = connection.settings();
        return settings == null || settings.syncInterval() == null ? defaultInterval : settings.syncInterval().duration();
    }

    public OrderLookback lookbackOf(ConnectionSnapshot connection) {
        ConnectionSettings settings = connection.settings();
        return settings == null || settings.orderLookback() == null ? DEFAULT_LOOKBACK : settings.orderLookback();
    }
}

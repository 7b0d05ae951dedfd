package io.nexusconnect.contracts.connection;

import java.time.Duration;

/**
 * The global settings of a tenant, resolved into every snapshot of its connections so the orchestrator instance that
 * owns a connection needs nothing beyond that connection's partition. A change re-publishes the tenant's snapshots.
 *
 * @param defaultSyncInterval   the interval of connections that do not choose their own
 * @param retryAttempts         attempts of a failed cycle before it is given up (1 = no retry)
 * @param retryBackoff          the first retry delay; it doubles per attempt
 * @param alertCooldown         at most one alert per connection and error within this window
 * @param webhookSecretRotation how long a webhook secret lives before it is rotated
 * @param healthWindow          the number of recent cycles health is judged over
 */
public record TenantPolicy(
        SyncInterval defaultSyncInterval,
        int retryAttempts,
        Duration retryBackoff,
        Duration alertCooldown,
        Duration webhookSecretRotation,
        int healthWindow) {

    public static final int MIN_RETRY_ATTEMPTS = 1;
    public static final int MAX_RETRY_ATTEMPTS = 10;

    public static TenantPolicy defaults() {
        return new TenantPolicy(SyncInterval.HOURLY, 3, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(90), 10);
    }
}

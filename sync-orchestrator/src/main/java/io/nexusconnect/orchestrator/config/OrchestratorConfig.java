package io.nexusconnect.orchestrator.config;

import io.nexusconnect.contracts.sync.SyncScope;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code nexus.orchestrator.*}; every key can be overridden by its environment variable (NEXUS_ORCHESTRATOR_TICK, ...). */
@ConfigMapping(prefix = "nexus.orchestrator")
public interface OrchestratorConfig {

    /** How often every owned connection is checked for a due cycle or a dead one. */
    @WithDefault("1s")
    Duration tick();

    /** A running cycle with no SyncStarted, SyncProgress or SyncCompleted for this long is dead. */
    @WithDefault("30m")
    Duration cycleTimeout();

    /** Interval of a connection whose settings and tenant policy name none. */
    @WithDefault("1h")
    Duration defaultInterval();

    /** Replaces every connection's interval, for the local demo (e.g. 2m); unset in production. */
    Optional<Duration> intervalOverride();

    /** Overdue schedules found when partitions are loaded (restart, failover) are spread over up to this long. */
    @WithDefault("10m")
    Duration catchUpSpread();

    /** How many recent cycles connection health is computed from, for snapshots without a tenant policy. */
    @WithDefault("10")
    int healthWindow();

    /** Failed cycles in a row that make a connection unhealthy. */
    @WithDefault("3")
    int unhealthyAfter();

    /** Attempts per cycle, the first included, for snapshots without a tenant policy (retryAttempts wins). */
    @WithDefault("2")
    int maxAttempts();

    /** Wait after RATE_LIMITED when the adapter did not say until when. */
    @WithDefault("1m")
    Duration rateLimitWait();

    /** What every cycle fetches. */
    @WithDefault("products,orders,inventory")
    Set<SyncScope> scopes();

    /** The consumer group all replicas join; the partitions it assigns are the shards. */
    @WithDefault("sync-orchestrator")
    String groupId();

    /**
     * Stable id of this replica (the pod name in Kubernetes), part of the transactional id, so that a restarted replica
     * aborts the transaction its predecessor left open at once. A random id is used when unset.
     */
    Optional<String> instanceId();

    /** Upper bound for reloading the state of newly assigned partitions. */
    @WithDefault("2m")
    Duration loadTimeout();

    /** Whether this replica also runs the stock fan-out (stock levels and marketplace changes to SetStock). */
    @WithDefault("true")
    boolean stockFanOut();

    /** The consumer group of the stock fan-out; its relay of adapter reports uses this id + "-relay". */
    @WithDefault("sync-orchestrator-stock")
    String stockGroupId();

    /** {@code ce_source} of everything this service publishes. */
    @WithDefault("/nexus/sync-orchestrator")
    String source();
}

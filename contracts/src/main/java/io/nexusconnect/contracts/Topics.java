package io.nexusconnect.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every Kafka topic of the system, with the shape it must be created with. See the README's topic catalog. */
public final class Topics {
    public static final String CONNECTIONS = "nexus.connections.v1";
    public static final String SYNC_EVENTS = "nexus.sync-events.v1";
    public static final String CONNECTION_STATUS = "nexus.connection-status.v1";
    public static final String PRODUCTS = "nexus.products.v1";
    public static final String ORDERS = "nexus.orders.v1";
    public static final String INVENTORY = "nexus.inventory.v1";
    public static final String STOCK_LEVELS = "nexus.stock-levels.v1";
    public static final String CONNECTION_TESTS = "nexus.connection-tests.v1";
    public static final String CONNECTION_TEST_REPLIES = "nexus.connection-tests.replies.v1";
    public static final String ALERTS = "nexus.alerts.v1";
    /** Sync Now / Reconnect commands from connection-service to the orchestrator (through the outbox). */
    public static final String SYNC_COMMANDS = "nexus.sync-commands.v1";
    /** The orchestrator's own compacted state per connection (cursors, schedule, recent cycles); private to it. */
    public static final String SYNC_STATE = "nexus.sync-state.v1";
    /**
     * webhook-gateway's own markers of the marketplace event ids it has published, so every replica collapses a
     * marketplace's retries; compacted and deleted after {@link #WEBHOOK_DEDUPE_RETENTION}. Private to the gateway.
     */
    public static final String WEBHOOK_DEDUPE = "nexus.webhooks.dedupe.v1";
    /** How long a dedupe marker lives on Kafka at most; the gateway's dedupe window can only be shorter. */
    public static final java.time.Duration WEBHOOK_DEDUPE_RETENTION = java.time.Duration.ofDays(7);

    /**
     * Register/unregister requests for a connection's webhooks, from connection-service (outbox) to the adapter of the
     * connection's marketplace, which filters by marketplace as it does for connection tests.
     */
    public static final String WEBHOOK_REGISTRATIONS = "nexus.webhook-registrations.v1";
    /** The webhook subscriptions each connection has at its marketplace, as the adapter left them; compacted. */
    public static final String WEBHOOK_ENDPOINTS = "nexus.webhook-endpoints.v1";

    /** Suffix of the dead-letter topic that takes a topic's poison records, with the reason in headers. */
    public static final String DLQ_SUFFIX = ".dlq";

    /**
     * Partition count of every connection-keyed topic. It must be the same on all of them: a connection's key then
     * lands on the same partition number everywhere, so the orchestrator replica that owns partition p of
     * {@link #CONNECTIONS} also receives that connection's sync events, commands and state.
     */
    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }

    public static String syncRequests(Marketplace marketplace) {
        return "nexus.sync-requests." + marketplace.id() + ".v1";
    }

    public static String stockCommands(Marketplace marketplace) {
        return "nexus.stock-commands." + marketplace.id() + ".v1";
    }

    public static String webhooks(Marketplace marketplace) {
        return "nexus.webhooks." + marketplace.id() + ".v1";
    }

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** Key of normalized product and order records: {@code connectionId/externalId}. */
    public static String recordKey(String connectionId, String externalId) {
        return connectionId + "/" + externalId;
    }

    /**
     * The normalized topics subscribers bootstrap from ({@link #PRODUCTS}, {@link #ORDERS}, {@link #INVENTORY}): each
     * keeps the latest record of every key for as long as the key lives, so a new consumer group reading from the
     * beginning finds the current state of every product, order and level.
     */
    public static final List<String> NORMALIZED_STATE = List.of(PRODUCTS, ORDERS, INVENTORY);
    /**
     * How long every record of a normalized topic stays before compaction may drop it for a newer one of its key: a
     * subscriber that is less than this behind sees every transition, one further behind the latest state per key.
     */
    public static final java.time.Duration NORMALIZED_MIN_COMPACTION_LAG = java.time.Duration.ofDays(1);
    /**
     * How long a tombstone (a removed listing or connection) stays on a normalized topic after compaction reached it:
     * a subscriber that is less than this behind sees every removal; one further behind must bootstrap again.
     */
    public static final java.time.Duration NORMALIZED_TOMBSTONE_RETENTION = java.time.Duration.ofDays(7);

    /**
     * How a topic must be created. Compacted topics keep the latest value per key forever, unless they have a
     * {@code retention}: then a key's latest value is also deleted once it is older than that. A compacted topic
     * keeps each record at least {@code minCompactionLag} and a tombstone {@code tombstoneRetention} after compaction
     * reached it (the broker's default, 24 hours, when null).
     */
    public record TopicSpec(String name, int partitions, boolean compacted, java.time.Duration retention,
                            java.time.Duration minCompactionLag, java.time.Duration tombstoneRetention) {
        private static final java.time.Duration DEFAULT_MIN_COMPACTION_LAG = java.time.Duration.ofMinutes(1);

        public TopicSpec(String name, int partitions, boolean compacted) {
            this(name, partitions, compacted, null);
        }

        public TopicSpec(String name, int partitions, boolean compacted, java.time.Duration retention) {
            this(name, partitions, compacted, retention, DEFAULT_MIN_COMPACTION_LAG, null);
        }

        /** A normalized state topic: compacted, never deleted by age, with the stated compaction lag and tombstone life. */
        public static TopicSpec normalizedState(String name) {
            return new TopicSpec(name, DEFAULT_PARTITIONS, true, null, NORMALIZED_MIN_COMPACTION_LAG,
                    NORMALIZED_TOMBSTONE_RETENTION);
        }

        public Map<String, String> configs() {
            if (!compacted) {
                return Map.of("cleanup.policy", "delete");
            }
            Map<String, String> configs = new java.util.LinkedHashMap<>();
            configs.put("cleanup.policy", retention == null ? "compact" : "compact,delete");
            configs.put("min.compaction.lag.ms", String.valueOf(minCompactionLag.toMillis()));
            if (retention != null) {
                configs.put("retention.ms", String.valueOf(retention.toMillis()));
            }
            if (tombstoneRetention != null) {
                configs.put("delete.retention.ms", String.valueOf(tombstoneRetention.toMillis()));
            }
            return Map.copyOf(configs);
        }
    }

    /** All topics, including the per-marketplace ones and the dead-letter topics of every consumed topic. */
    public static List<TopicSpec> all() {
        List<TopicSpec> specs = new ArrayList<>();
        specs.add(new TopicSpec(CONNECTIONS, DEFAULT_PARTITIONS, true));
        specs.add(new TopicSpec(CONNECTION_STATUS, DEFAULT_PARTITIONS, true));
        specs.add(new TopicSpec(SYNC_STATE, DEFAULT_PARTITIONS, true));
        specs.add(new TopicSpec(WEBHOOK_ENDPOINTS, DEFAULT_PARTITIONS, true));
        specs.add(new TopicSpec(WEBHOOK_DEDUPE, DEFAULT_PARTITIONS, true, WEBHOOK_DEDUPE_RETENTION));
        for (String topic : List.of(SYNC_COMMANDS, SYNC_EVENTS, PRODUCTS, ORDERS, INVENTORY, STOCK_LEVELS, CONNECTION_TESTS,
                CONNECTION_TEST_REPLIES, ALERTS, WEBHOOK_REGISTRATIONS)) {
            specs.add(new TopicSpec(topic, DEFAULT_PARTITIONS, false));
        }
        for (Marketplace marketplace : Marketplace.values()) {
            specs.add(new TopicSpec(syncRequests(marketplace), DEFAULT_PARTITIONS, false));
            specs.add(new TopicSpec(stockCommands(marketplace), DEFAULT_PARTITIONS, false));
            specs.add(new TopicSpec(webhooks(marketplace), DEFAULT_PARTITIONS, false));
        }
        // the normalized topics are state subscribers bootstrap from, not a stream
        specs.replaceAll(spec -> NORMALIZED_STATE.contains(spec.name()) ? TopicSpec.normalizedState(spec.name()) : spec);
        List<TopicSpec> dlqs = specs.stream()
                .map(spec -> new TopicSpec(dlq(spec.name()), 1, false))
                .toList();
        specs.addAll(dlqs);
        return List.copyOf(specs);
    }
}

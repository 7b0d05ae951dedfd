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
     * How a topic must be created. Compacted topics keep the latest value per key forever, unless they have a
     * {@code retention}: then a key's latest value is also deleted once it is older than that.
     */
    public record TopicSpec(String name, int partitions, boolean compacted, java.time.Duration retention) {
        public TopicSpec(String name, int partitions, boolean compacted) {
            this(name, partitions, compacted, null);
        }

        public Map<String, String> configs() {
            if (compacted && retention != null) {
                return Map.of("cleanup.policy", "compact,delete", "min.compaction.lag.ms", "60000",
                        "retention.ms", String.valueOf(retention.toMillis()));
            }
            return compacted
                    ? Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000")
                    : Map.of("cleanup.policy", "delete");
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
        List<TopicSpec> dlqs = specs.stream()
                .map(spec -> new TopicSpec(dlq(spec.name()), 1, false))
                .toList();
        specs.addAll(dlqs);
        return List.copyOf(specs);
    }
}

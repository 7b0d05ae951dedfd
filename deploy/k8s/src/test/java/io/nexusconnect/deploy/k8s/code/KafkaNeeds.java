package io.nexusconnect.deploy.k8s.code;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.orchestrator.config.OrchestratorConfig;
import io.nexusconnect.orchestrator.stock.StockTopics;
import io.smallrye.config.WithDefault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each Kafka principal must be allowed, derived from the code: connection-service from its SmallRye channels
 * (application.properties) and its two plain clients; the orchestrator from its configured group ids
 * ({@link OrchestratorConfig} defaults) and its members; every adapter from adapter-kit's runtime; Kafka Connect
 * from the topics connection-service appends to its outbox.
 */
public final class KafkaNeeds {
    private static final Pattern OUTBOX_APPEND = Pattern.compile("outbox\\.append\\w*\\(\\s*\\w+\\s*,\\s*Topics\\.(\\w+)");
    /** The state topics connection-service tombstones through its outbox, named by its IndexedKind constants. */
    private static final Pattern INDEXED_KIND = Pattern.compile("\\w+\\(\"\\w+\",\\s*Topics\\.(\\w+)");
    private static final Set<String> READ = Set.of("Read", "Describe");
    private static final Set<String> WRITE = Set.of("Write", "Describe");

    /** One permission a principal needs; {@code prefix} marks a name that is only the start of the real names. */
    public record Need(String type, String name, boolean prefix, Set<String> operations, String why) {
    }

    /** A principal's needs and its consumer groups with the topics each reads. */
    public record Principal(String user, List<Need> needs, Map<String, Set<String>> groups) {
        Principal consume(String group, String why, String... topics) {
            groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(List.of(topics));
            needs.add(new Need("group", group, false, Set.of("Read"), why));
            for (String topic : topics) {
                read(topic, why);
            }
            return this;
        }

        Principal read(String topic, String why) {
            needs.add(new Need("topic", topic, false, READ, why));
            return this;
        }

        Principal write(String topic, String why) {
            needs.add(new Need("topic", topic, false, WRITE, why));
            return this;
        }

        /** The dead-letter topic of every topic its groups read. */
        Principal deadLetters(String why) {
            groups.values().stream().flatMap(Set::stream).distinct().forEach(t -> write(Topics.dlq(t), why));
            return this;
        }
    }

    private KafkaNeeds() {
    }

    public static Principal principal(String user) {
        return new Principal(user, new ArrayList<>(), new LinkedHashMap<>());
    }

    /** The needs of every service of the codebase, by KafkaUser name (= service name). */
    public static Map<String, Principal> ofServices(Codebase codebase) {
        Map<String, Principal> principals = new LinkedHashMap<>();
        for (ServiceModule service : codebase.services()) {
            Principal principal = switch (service.name()) {
                case "connection-service" -> connectionService(service);
                case "sync-orchestrator" -> orchestrator();
                case "webhook-gateway" -> webhookGateway();
                default -> service.isAdapter() ? adapter(service) : null;
            };
            if (principal != null) {
                principals.put(service.name(), principal);
            }
        }
        return principals;
    }

    static Principal connectionService(ServiceModule service) {
        Principal p = principal(service.name());
        service.channels("incoming").forEach((channel, attributes) -> {
            if (!"smallrye-kafka".equals(attributes.get("connector"))) {
                return;
            }
            String why = "channel " + channel + " (application.properties)";
            String topics = attributes.containsKey("topic") ? attributes.get("topic") : attributes.get("topics");
            for (String topic : topics.split(",")) {
                p.consume(attributes.get("group.id"), why, topic.trim());
                // poison of every channel is dead-lettered to <topic>.dlq by the service's one inbound rule
                // (InboundProcessing), not by SmallRye's dead-letter-queue strategy
                p.write(Topics.dlq(topic.trim()), why + ", poison dead-lettered by InboundProcessing");
            }
        });
        // the listing sweep waits for these groups' committed offsets (ConsumerPositions)
        for (String channel : List.of("products", "inventory")) {
            Map<String, String> attributes = service.channels("incoming").get(channel);
            if (attributes != null) {
                p.needs().add(new Need("group", attributes.get("group.id"), false, Set.of("Describe"),
                        "ConsumerPositions: committed offsets of channel " + channel));
            }
        }
        service.channels("outgoing").forEach((channel, attributes) ->
                p.write(attributes.get("topic"), "channel " + channel + " (application.properties)"));
        p.write(Topics.CONNECTION_TESTS, "ConnectionTestClient sends Test Connection requests");
        p.read(Topics.CONNECTION_TEST_REPLIES, "ReplyListener reads every reply by assignment, without a group");
        return p;
    }

    static Principal orchestrator() {
        String group = defaultOf("groupId");
        String stockGroup = defaultOf("stockGroupId");
        Principal p = principal("sync-orchestrator")
                .consume(group, "ShardMember", Topics.CONNECTIONS, Topics.SYNC_COMMANDS, Topics.SYNC_EVENTS)
                .consume(stockGroup, "StockMember", Topics.STOCK_LEVELS, StockTopics.CHANGES)
                .consume(stockGroup + "-relay", "StockRelay", Topics.INVENTORY, Topics.PRODUCTS)
                .deadLetters("DeadLetters of what it consumes")
                .read(Topics.SYNC_STATE, "PartitionLoader reloads state by assignment")
                .read(StockTopics.STATE, "StockMember reloads fan-out state by assignment");
        for (Marketplace marketplace : Marketplace.values()) {
            p.write(Topics.syncRequests(marketplace), "OutboundRecords: SyncRequested");
            p.write(Topics.stockCommands(marketplace), "StockMember: SetStock");
        }
        p.write(Topics.CONNECTION_STATUS, "OutboundRecords: status")
                .write(Topics.ALERTS, "OutboundRecords: alerts")
                .write(Topics.SYNC_STATE, "OutboundRecords: state")
                .write(StockTopics.CHANGES, "StockRelay: re-keyed reports")
                .write(StockTopics.STATE, "StockMember: fan-out state");
        p.needs().add(new KafkaNeeds.Need("transactionalId", group + "-", true, WRITE, "StepWriter: <group-id>-<pod>-<member>"));
        p.needs().add(new KafkaNeeds.Need("transactionalId", stockGroup + "-", true, WRITE, "stock members: <stock-group-id>-<pod>-<member>"));
        return p;
    }

    /**
     * adapter-kit's AdapterRuntime: groups adapter-<id>, adapter-<id>-tests, adapter-<id>-stock, and
     * adapter-<id>-webhooks when the adapter has a WebhookHandler, adapter-<id>-webhook-registrations when it has a
     * WebhookRegistrar.
     */
    static Principal adapter(ServiceModule service) {
        String id = service.marketplace();
        Marketplace marketplace = Marketplace.find(id).orElseThrow(() ->
                new IllegalStateException(service.name() + " is not the adapter of a marketplace of contracts' Marketplace"));
        Principal p = principal(service.name())
                .consume("adapter-" + id, "AdapterRuntime: sync requests", Topics.syncRequests(marketplace))
                .consume("adapter-" + id + "-tests", "AdapterRuntime: Test Connection", Topics.CONNECTION_TESTS)
                .consume("adapter-" + id + "-stock", "AdapterRuntime: stock commands", Topics.stockCommands(marketplace));
        if (service.sourcesContain("implements WebhookHandler")) {
            p.consume("adapter-" + id + "-webhooks", "AdapterRuntime: webhooks (base/adapters/webhooks)", Topics.webhooks(marketplace));
        }
        if (service.sourcesContain("implements WebhookRegistrar")) {
            p.consume("adapter-" + id + "-webhook-registrations",
                    "AdapterRuntime: webhook registrations (base/adapters/webhook-registrations)", Topics.WEBHOOK_REGISTRATIONS)
                    .write(Topics.WEBHOOK_ENDPOINTS, "WebhookRegistrationHandler: WebhookEndpoints");
        }
        return p.deadLetters("the record loop dead-letters what it cannot process")
                .write(Topics.SYNC_EVENTS, "CycleRunner, CycleSink")
                .write(Topics.PRODUCTS, "CycleSink").write(Topics.ORDERS, "CycleSink").write(Topics.INVENTORY, "CycleSink")
                .write(Topics.CONNECTION_TEST_REPLIES, "ConnectionTestHandler");
    }

    /** webhook-gateway: follows connections and its dedupe topic without a group, publishes verified webhooks. */
    static Principal webhookGateway() {
        Principal p = principal("webhook-gateway")
                .read(Topics.CONNECTIONS, "TopicFollower: the connection view, by assignment")
                .read(Topics.WEBHOOK_DEDUPE, "TopicFollower: the dedupe view, by assignment")
                .write(Topics.WEBHOOK_DEDUPE, "WebhookPublisher: seen event ids");
        for (Marketplace marketplace : Marketplace.values()) {
            p.write(Topics.webhooks(marketplace), "WebhookPublisher: WebhookReceived");
        }
        return p;
    }

    /** The topics connection-service routes through its outbox (the aggregatetype of what it appends). */
    public static Set<String> outboxTopics(Codebase codebase) {
        Set<String> topics = new LinkedHashSet<>();
        try (var files = java.nio.file.Files.walk(codebase.root().resolve("connection-service/src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = java.nio.file.Files.readString(file);
                Matcher append = OUTBOX_APPEND.matcher(source);
                while (append.find()) {
                    topics.add((String) Topics.class.getField(append.group(1)).get(null));
                }
                if (file.getFileName().toString().equals("IndexedKind.java")) {
                    // tombstones: outbox.appendTombstone(session, kind.topic(), ...) for each kind of the record index
                    Matcher kind = INDEXED_KIND.matcher(source);
                    while (kind.find()) {
                        topics.add((String) Topics.class.getField(kind.group(1)).get(null));
                    }
                }
            }
        } catch (java.io.IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot find the outbox topics: " + e.getMessage(), e);
        }
        return topics;
    }

    private static String defaultOf(String method) {
        try {
            return OrchestratorConfig.class.getMethod(method).getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("OrchestratorConfig has no " + method + "()", e);
        }
    }
}

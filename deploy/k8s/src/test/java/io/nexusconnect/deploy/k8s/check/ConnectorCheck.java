package io.nexusconnect.deploy.k8s.check;

import io.nexusconnect.deploy.k8s.code.Codebase;
import io.nexusconnect.deploy.k8s.code.OutboxConnectorConfig;
import io.nexusconnect.deploy.k8s.code.ServiceModule;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbox on Kafka Connect ↔ the embedded relay: the KafkaConnector's config is the relay's minus engine-only keys,
 * its secrets come from the config provider and point at the Debezium role's secret, the Connect worker has the
 * engine's flush interval, the plugin is the project's Debezium, the embedded relay is off, and PostgreSQL decodes
 * logically with slot failover.
 */
public final class ConnectorCheck {
    private static final Pattern SECRET = Pattern.compile("\\$\\{secrets:([^/]+)/([^:]+):(\\w+)}");
    private static final Pattern DEBEZIUM_VERSION = Pattern.compile("<debezium.version>([^<]+)</debezium.version>");

    private ConnectorCheck() {
    }

    public static List<String> problems(Manifests manifests, Codebase codebase) {
        List<String> problems = new ArrayList<>();
        ServiceModule connectionService = codebase.service("connection-service").orElseThrow();
        Manifest connector = manifests.find("KafkaConnector", "connection-service-outbox").orElse(null);
        if (connector == null) {
            return List.of("KafkaConnector/connection-service-outbox is missing: the outbox would not be relayed");
        }
        String namespace = connector.string("metadata.namespace").orElse("");
        Map<String, String> actual = new TreeMap<>(connector.stringMap("spec.config"));
        String user = actual.getOrDefault("database.user", "");
        String password = actual.getOrDefault("database.password", "");
        String jdbcUrl = configValue(manifests, "QUARKUS_DATASOURCE_JDBC_URL");
        Map<String, String> expected = OutboxConnectorConfig.expected(connectionService, jdbcUrl, user, password);
        String connectorClass = expected.remove("connector.class");
        if (!Objects.equals(connector.string("spec.class").orElse(null), connectorClass)) {
            problems.add(connector.id() + ": class " + connector.string("spec.class").orElse("") + ", the relay runs " + connectorClass);
        }
        new TreeMap<>(expected).forEach((key, value) -> {
            if (!Objects.equals(actual.get(key), value)) {
                problems.add(connector.id() + ": " + key + " = " + actual.get(key) + ", the embedded relay uses " + value);
            }
        });
        actual.keySet().stream().filter(key -> !expected.containsKey(key))
                .forEach(key -> problems.add(connector.id() + ": " + key + " is not in the embedded relay's configuration"));
        String debeziumSecret = null;
        for (String credential : List.of(user, password)) {
            Matcher secret = SECRET.matcher(credential);
            if (!secret.matches() || !secret.group(1).equals(namespace)) {
                problems.add(connector.id() + ": database credentials must be ${secrets:" + namespace + "/<secret>:<key>}, got " + credential);
            } else {
                debeziumSecret = secret.group(2);
            }
        }
        problems.addAll(connect(manifests, connector, connectionService, codebase, debeziumSecret));
        problems.addAll(postgres(manifests, actual, debeziumSecret));
        String relay = manifests.find("Deployment", "connection-service").map(Workloads::container)
                .flatMap(c -> Workloads.env(c).stream().filter(e -> "NEXUS_OUTBOX_RELAY_ENABLED".equals(e.get("name")))
                        .map(e -> String.valueOf(e.get("value"))).findFirst()).orElse("unset");
        if (!relay.equals("false")) {
            problems.add("Deployment/connection-service: NEXUS_OUTBOX_RELAY_ENABLED is " + relay
                    + "; it must be false so that only Kafka Connect reads the replication slot");
        }
        return problems;
    }

    private static List<String> connect(Manifests manifests, Manifest connector, ServiceModule connectionService,
                                        Codebase codebase, String debeziumSecret) {
        List<String> problems = new ArrayList<>();
        String clusterName = connector.labels().getOrDefault("strimzi.io/cluster", "");
        Manifest connect = manifests.find("KafkaConnect", clusterName).orElse(null);
        if (connect == null) {
            return List.of(connector.id() + ": label strimzi.io/cluster names no KafkaConnect (" + clusterName + ")");
        }
        if (!"true".equals(connect.stringMap("metadata.annotations").get("strimzi.io/use-connector-resources"))) {
            problems.add(connect.id() + ": without strimzi.io/use-connector-resources=true the KafkaConnector is ignored");
        }
        String bootstrap = configValue(manifests, "KAFKA_BOOTSTRAP_SERVERS");
        if (!bootstrap.equals(connect.string("spec.bootstrapServers").orElse(""))) {
            problems.add(connect.id() + ": bootstrapServers " + connect.string("spec.bootstrapServers").orElse("")
                    + ", the services use " + bootstrap);
        }
        Map<String, String> worker = connect.stringMap("spec.config");
        String flush = OutboxConnectorConfig.engineValue(connectionService, "offset.flush.interval.ms");
        if (!flush.equals(worker.get("offset.flush.interval.ms"))) {
            problems.add(connect.id() + ": offset.flush.interval.ms " + worker.get("offset.flush.interval.ms") + ", the relay flushes every " + flush);
        }
        for (String converter : List.of("key.converter", "value.converter")) {
            if (!"org.apache.kafka.connect.storage.StringConverter".equals(worker.get(converter))) {
                problems.add(connect.id() + ": " + converter + " must be StringConverter, the relay writes the columns' text");
            }
        }
        if (!"io.strimzi.kafka.KubernetesSecretConfigProvider".equals(worker.get("config.providers.secrets.class"))) {
            problems.add(connect.id() + ": the config provider 'secrets' must be KubernetesSecretConfigProvider");
        }
        Matcher version = DEBEZIUM_VERSION.matcher(codebase.read("pom.xml"));
        String debezium = version.find() ? version.group(1) : "?";
        boolean pinned = connect.list("spec.build.plugins").stream().flatMap(p -> Manifest.asList(p.get("artifacts")).stream())
                .anyMatch(a -> "debezium-connector-postgres".equals(a.get("artifact")) && debezium.equals(a.get("version")));
        if (!pinned) {
            problems.add(connect.id() + ": the build must add io.debezium:debezium-connector-postgres:" + debezium + " (the project's Debezium)");
        }
        boolean readable = manifests.ofKind("Role").stream().anyMatch(role -> role.list("rules").stream().anyMatch(rule ->
                String.valueOf(rule.get("resourceNames")).contains(String.valueOf(debeziumSecret))
                        && String.valueOf(rule.get("verbs")).contains("get")))
                && manifests.ofKind("RoleBinding").stream().anyMatch(binding -> binding.list("subjects").stream()
                .anyMatch(s -> (connect.name() + "-connect").equals(s.get("name"))));
        if (!readable) {
            problems.add(connect.id() + ": its service account " + connect.name() + "-connect cannot get the secret " + debeziumSecret);
        }
        return problems;
    }

    private static List<String> postgres(Manifests manifests, Map<String, String> connectorConfig, String debeziumSecret) {
        List<String> problems = new ArrayList<>();
        for (Manifest cluster : manifests.ofKind("Cluster")) {
            if (!"logical".equals(cluster.string("spec.postgresql.parameters.wal_level").orElse(""))) {
                problems.add(cluster.id() + ": wal_level must be logical for the outbox connector");
            }
            if (!Boolean.TRUE.equals(cluster.get("spec.replicationSlots.highAvailability.synchronizeLogicalDecoding").orElse(false))) {
                problems.add(cluster.id() + ": without synchronizeLogicalDecoding the outbox slot is lost on failover");
            }
            boolean role = cluster.list("spec.managed.roles").stream().anyMatch(r ->
                    Boolean.TRUE.equals(r.get("replication")) && Boolean.TRUE.equals(r.get("login"))
                            && String.valueOf(Manifest.at(r, "passwordSecret.name").orElse("")).equals(debeziumSecret));
            if (!role) {
                problems.add(cluster.id() + ": no managed LOGIN REPLICATION role with the connector's secret " + debeziumSecret);
            }
            String host = connectorConfig.getOrDefault("database.hostname", "");
            if (!host.equals(cluster.name() + "-rw")) {
                problems.add(cluster.id() + ": the connector reads " + host + ", not the primary service " + cluster.name() + "-rw");
            }
        }
        return problems;
    }

    static String configValue(Manifests manifests, String key) {
        return manifests.ofKind("ConfigMap").stream().map(m -> m.stringMap("data").get(key)).filter(Objects::nonNull)
                .findFirst().orElse("missing " + key);
    }
}

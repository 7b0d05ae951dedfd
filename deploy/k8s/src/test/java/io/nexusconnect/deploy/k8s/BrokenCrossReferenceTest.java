package io.nexusconnect.deploy.k8s;

import io.nexusconnect.deploy.k8s.check.AclCheck;
import io.nexusconnect.deploy.k8s.check.ConnectorCheck;
import io.nexusconnect.deploy.k8s.check.CoverageCheck;
import io.nexusconnect.deploy.k8s.check.EnvCheck;
import io.nexusconnect.deploy.k8s.check.TopicCheck;
import io.nexusconnect.deploy.k8s.check.WorkloadCheck;
import io.nexusconnect.deploy.k8s.code.Codebase;
import io.nexusconnect.deploy.k8s.code.ServiceModule;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.nexusconnect.deploy.k8s.BrokenSchemaTest.container;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each cross-reference rule, shown to catch one thing broken on purpose in a copy of the prod overlay. Each break is
 * judged by the problems it adds to those of the unbroken manifests, and made-up names stand for modules and entries
 * that do not exist, so the tests hold whichever services the build has.
 */
class BrokenCrossReferenceTest {
    private final Codebase codebase = Codebase.current();
    private final Manifests prod = Overlays.prod();

    @Test
    void connectionServiceNeedsTheKeyRingAndTheJwtKeyFromItsEnvironment() {
        ServiceModule service = codebase.service("connection-service").orElseThrow();

        assertThat(service.requiredKeys()).contains("nexus.credentials.keys", "nexus.credentials.primary-key",
                "mp.jwt.verify.publickey");
        assertThat(codebase.service("adapter-amazon").orElseThrow().requiredKeys())
                .contains("nexus.credentials.keys", "nexus.credentials.primary-key");
    }

    @Test
    void aMissingTopicAWrongPartitionCountAndAnUnusedTopicAreCaught() {
        Manifests missing = prod.without(m -> m.id().equals("KafkaTopic/nexus.alerts.v1"));
        Manifests partitions = prod.with("KafkaTopic", "nexus.orders.v1", t -> t.map("spec").put("partitions", 12));
        Manifests compaction = prod.with("KafkaTopic", "nexus.connections.v1", t -> t.map("spec.config").remove("cleanup.policy"));
        Manifests unused = prod.plus(topic("nexus.legacy.v1"));

        assertThat(introduced(TopicCheck.problems(missing), TopicCheck.problems(prod))).containsExactly("topic nexus.alerts.v1 (created by the code) has no KafkaTopic");
        assertThat(introduced(TopicCheck.problems(partitions), TopicCheck.problems(prod))).singleElement().asString().contains("12 partitions, the code creates 6");
        assertThat(introduced(TopicCheck.problems(compaction), TopicCheck.problems(prod))).singleElement().asString().contains("KafkaTopic/nexus.connections.v1: config");
        assertThat(introduced(TopicCheck.problems(unused), TopicCheck.problems(prod))).singleElement().asString().contains("no service uses topic nexus.legacy.v1");
    }

    @Test
    void aGroupAclTakenAwayAndAnAclGrantedTooMuchAreCaught() {
        Manifests lacking = prod.with("KafkaUser", "connection-service", u -> u.liveList("spec.authorization.acls")
                .removeIf(acl -> "connection-service.sync-history".equals(Manifest.at(acl, "resource.name").orElse(""))));
        Manifests excessive = prod.with("KafkaUser", "adapter-amazon", u -> u.list("spec.authorization.acls").getFirst()
                .put("operations", List.of("Read", "Describe", "Write")));

        List<String> unbroken = AclCheck.problems(prod, codebase);
        assertThat(introduced(AclCheck.problems(lacking, codebase), unbroken)).singleElement().asString()
                .contains("no ACL allows Read on group connection-service.sync-history");
        assertThat(introduced(AclCheck.problems(excessive, codebase), unbroken)).singleElement().asString()
                .contains("ACL Write on topic nexus.sync-requests.amazon.v1 is more than the code needs");
    }

    @Test
    void aConnectorThatDriftsFromTheEmbeddedRelayIsCaught() {
        Manifests slot = prod.with("KafkaConnector", "connection-service-outbox", c -> c.map("spec.config").put("slot.name", "other"));
        Manifests literalPassword = prod.with("KafkaConnector", "connection-service-outbox", c -> c.map("spec.config")
                .put("database.password", "hunter2"));
        Manifests relayOn = prod.with("Deployment", "connection-service", d -> BrokenCrossReferenceTest.env(d)
                .removeIf(e -> "NEXUS_OUTBOX_RELAY_ENABLED".equals(e.get("name"))));

        List<String> unbroken = ConnectorCheck.problems(prod, codebase);
        assertThat(introduced(ConnectorCheck.problems(slot, codebase), unbroken)).singleElement().asString()
                .contains("slot.name = other, the embedded relay uses nexus_outbox");
        assertThat(ConnectorCheck.problems(literalPassword, codebase)).anySatisfy(p -> assertThat(p)
                .contains("database credentials must be ${secrets:nexus/<secret>:<key>}"));
        assertThat(introduced(ConnectorCheck.problems(relayOn, codebase), unbroken)).singleElement().asString()
                .contains("NEXUS_OUTBOX_RELAY_ENABLED is unset");
    }

    @Test
    void aVariableOfNoConfigKeyAndAMissingRequiredKeyAreCaught() {
        Manifests typo = prod.with("Deployment", "sync-orchestrator", d -> env(d)
                .add(Map.of("name", "NEXUS_ORCHESTRATOR_TICKS", "value", "1s")));
        Manifests noKeyRing = prod.with("Deployment", "adapter-amazon", d -> env(d)
                .removeIf(e -> "NEXUS_CREDENTIALS_PRIMARY_KEY".equals(e.get("name"))));

        Manifests mapEntries = prod.with("Deployment", "adapter-amazon", d -> env(d).addAll(List.of(
                Map.of("name", "NEXUS_APIS_SP_API_MAX_ATTEMPTS", "value", "7"),
                Map.of("name", "NEXUS_APIS_SP_API_CIRCUIT_BREAKER_OPEN_FOR", "value", "PT1M"),
                Map.of("name", "NEXUS_ADAPTER_SPEED_FACTOR", "value", "1"))));
        List<String> unbroken = EnvCheck.problems(prod, codebase);

        assertThat(introduced(EnvCheck.problems(typo, codebase), unbroken)).singleElement().asString()
                .contains("NEXUS_ORCHESTRATOR_TICKS sets no configuration key of sync-orchestrator");
        assertThat(introduced(EnvCheck.problems(noKeyRing, codebase), unbroken)).singleElement().asString()
                .contains("cannot start without nexus.credentials.primary-key");
        assertThat(introduced(EnvCheck.problems(mapEntries, codebase), unbroken))
                .as("entries of the kit's nexus.apis.<api> map and a key read through a default expression").isEmpty();
    }

    @Test
    void aProbeOnAnotherPortThanQuarkusHttpPortIsCaught() {
        Manifests wrongPort = prod.with("Deployment", "connection-service", d ->
                container(d).put("ports", List.of(Map.of("name", "http", "containerPort", 8080))));

        List<String> unbroken = WorkloadCheck.problems(prod, codebase);
        assertThat(introduced(WorkloadCheck.problems(wrongPort, codebase), unbroken)).hasSize(3)
                .allSatisfy(p -> assertThat(p).contains("probes port 8080, connection-service listens on 8081"));
    }

    @Test
    void aSelectorThatSelectsNoPodAndARouteToNoServicePortAreCaught() {
        Manifests service = prod.with("Service", "sync-orchestrator", s -> s.map("spec.selector")
                .put("app.kubernetes.io/name", "sync-orchestrater"));
        Manifests budget = prod.with("PodDisruptionBudget", "adapter-amazon", b -> b.map("spec.selector.matchLabels")
                .put("app.kubernetes.io/name", "adapter-amazone"));
        Manifests route = prod.with("HTTPRoute", "connection-service", r -> Manifest.asList(r.list("spec.rules")
                .getFirst().get("backendRefs")).getFirst().put("port", 8081));

        List<String> unbroken = WorkloadCheck.problems(prod, codebase);
        assertThat(introduced(WorkloadCheck.problems(service, codebase), unbroken)).singleElement().asString()
                .contains("Service/sync-orchestrator: its selector").contains("matches 0 Deployments");
        assertThat(introduced(WorkloadCheck.problems(budget, codebase), unbroken)).singleElement().asString()
                .contains("PodDisruptionBudget/adapter-amazon: its selector").contains("matches no pod");
        assertThat(introduced(WorkloadCheck.problems(route, codebase), unbroken)).singleElement().asString()
                .contains("HTTPRoute/connection-service: backend connection-service:8081 is no rendered Service port");
    }

    @Test
    void aScaledObjectOnAGroupTheServiceDoesNotUseAndTwoAutoscalersOnOneTargetAreCaught() {
        Manifests group = prod.with("ScaledObject", "adapter-amazon", s -> Manifest.asMap(s.list("spec.triggers")
                .getFirst().get("metadata")).put("consumerGroup", "adapter-amazon-sync"));
        Manifests both = Overlays.dev().plus(Overlays.prod().find("ScaledObject", "sync-orchestrator").orElseThrow().copy());

        assertThat(WorkloadCheck.problems(group, codebase)).anySatisfy(p -> assertThat(p)
                .contains("consumerGroup adapter-amazon-sync is no group.id of adapter-amazon"));
        assertThat(WorkloadCheck.problems(both, codebase)).anySatisfy(p -> assertThat(p)
                .contains("Deployment/sync-orchestrator has more than one autoscaler"));
    }

    @Test
    void aKedaTriggerOrAConnectWorkerOnAnotherKafkaThanTheServicesIsCaught() {
        Manifests trigger = prod.with("ScaledObject", "sync-orchestrator", s -> Manifest.asMap(s.list("spec.triggers")
                .getFirst().get("metadata")).put("bootstrapServers", "old-kafka:9093"));
        Manifests worker = prod.with("KafkaConnect", "nexus-outbox-connect", c -> c.map("spec").put("bootstrapServers", "old-kafka:9093"));

        assertThat(WorkloadCheck.problems(trigger, codebase)).singleElement().asString()
                .contains("reads lag from old-kafka:9093, the services use nexus-kafka-bootstrap:9093");
        assertThat(ConnectorCheck.problems(worker, codebase)).singleElement().asString()
                .contains("bootstrapServers old-kafka:9093, the services use nexus-kafka-bootstrap:9093");
    }

    @Test
    void aServiceWithoutManifestsAndManifestsWithoutAServiceAreCaught(@TempDir Path repo) throws IOException {
        ServiceModule fax = module(repo, "fax-gateway", "quarkus.http.port=8099\n");
        Manifests orphan = prod.plus(prod.find("Deployment", "sync-orchestrator").orElseThrow().copy())
                .with("Deployment", "sync-orchestrator", d -> d.map("metadata").put("name", "report-service"));

        assertThat(CoverageCheck.problems(prod, codebase.with(fax))).contains(
                "module fax-gateway has no Deployment fax-gateway",
                "module fax-gateway has no src/main/docker/Dockerfile.jvm");
        assertThat(CoverageCheck.problems(orphan, codebase)).contains(
                "Deployment/report-service: no module report-service with an application.properties in the build");
    }

    @Test
    void anAdapterModuleWithoutEntryAndAnEntryWithoutModuleAreCaught(@TempDir Path adapters) throws IOException {
        BrokenSchemaTest.copyTree(io.nexusconnect.deploy.k8s.render.Kustomize.k8sDir().resolve("base/adapters"), adapters);
        List<String> unbroken = CoverageCheck.adapterEntryProblems(adapters, codebase);
        Files.createDirectories(adapters.resolve("nowheremart"));
        Files.writeString(adapters.resolve("kustomization.yaml"), Files.readString(adapters.resolve("kustomization.yaml")) + "  - nowheremart\n");
        Files.createDirectories(adapters.resolve("fabulamart"));
        Files.writeString(adapters.resolve("fabulamart/settings.yaml"), Files.readString(adapters.resolve("amazon/settings.yaml"))
                .replace("nexus-connect.io/marketplace: amazon", "nexus-connect.io/marketplace: fabulamart"));
        Path repo = Files.createTempDirectory(adapters.getParent(), "repo");
        ServiceModule withoutEntry = module(repo, "adapter-mythmart", "quarkus.http.port=8096\n");
        ServiceModule unlisted = module(repo, "adapter-fabulamart", "quarkus.http.port=8097\n");

        assertThat(introduced(CoverageCheck.adapterEntryProblems(adapters, codebase.with(withoutEntry).with(unlisted)), unbroken))
                .containsExactlyInAnyOrder(
                        "base/adapters/nowheremart: no module adapter-nowheremart with an application.properties in the build",
                        "base/adapters/nowheremart/settings.yaml is missing or unreadable: " + adapters.resolve("nowheremart/settings.yaml"),
                        "module adapter-mythmart has no entry base/adapters/mythmart",
                        "base/adapters/fabulamart is not listed in base/adapters/kustomization.yaml");
    }

    /** The problems of the broken manifests that the unbroken ones do not have. */
    static List<String> introduced(List<String> broken, List<String> unbroken) {
        return broken.stream().filter(problem -> !unbroken.contains(problem)).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> env(Manifest deployment) {
        return (List<Map<String, Object>>) container(deployment).get("env");
    }

    private static Manifest topic(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "kafka.strimzi.io/v1");
        body.put("kind", "KafkaTopic");
        body.put("metadata", new LinkedHashMap<>(Map.of("name", name, "labels", Map.of("strimzi.io/cluster", "nexus"))));
        body.put("spec", new LinkedHashMap<>(Map.of("partitions", 6, "replicas", 3, "config", Map.of("cleanup.policy", "delete"))));
        return new Manifest(body);
    }

    private static ServiceModule module(Path repo, String name, String properties) throws IOException {
        Path resources = Files.createDirectories(repo.resolve(name).resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.properties"), properties);
        Files.writeString(repo.resolve(name).resolve("pom.xml"), "<project/>");
        return ServiceModule.load(repo, name);
    }
}

package io.nexusconnect.deploy.k8s;

import io.nexusconnect.deploy.k8s.check.SchemaCheck;
import io.nexusconnect.deploy.k8s.render.Kustomize;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;
import io.nexusconnect.deploy.k8s.render.StrictYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each parsing and schema rule, shown to catch a manifest broken on purpose. */
class BrokenSchemaTest {

    @Test
    void aDuplicateKeyFailsTheParse() {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n";

        assertThatThrownBy(() -> StrictYaml.parseAll(yaml)).hasMessageContaining("duplicate key name");
    }

    @Test
    void aTypoedFieldInACopiedManifestFailsAfterRendering(@TempDir Path copy) throws IOException {
        copyTree(Kustomize.k8sDir(), copy);
        Path deployment = copy.resolve("base/services/connection-service/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("readinessProbe:", "readinesProbe:"));

        Manifests rendered = Kustomize.renderUncached(copy.resolve("overlays/prod"));

        assertThat(SchemaCheck.problems(rendered)).singleElement().asString()
                .contains("Deployment/connection-service").contains("readinesProbe");
    }

    @Test
    void aStringWhereTheApiWantsANumberFails() {
        Manifests broken = Overlays.prod().with("Deployment", "sync-orchestrator", d ->
                container(d).put("ports", List.of(Map.of("name", "http", "containerPort", "eighty"))));

        assertThat(SchemaCheck.problems(broken)).singleElement().asString().contains("Deployment/sync-orchestrator");
    }

    @Test
    void aMissingRequiredFieldOfACoreObjectFails() {
        Manifests broken = Overlays.prod().with("Deployment", "sync-orchestrator", d -> container(d).remove("name"));

        assertThat(SchemaCheck.problems(broken)).singleElement().asString()
                .contains("Deployment/sync-orchestrator").contains("name");
    }

    @Test
    void anUnknownFieldInACustomResourceFails() {
        Manifests broken = Overlays.prod().with("KafkaTopic", "nexus.orders.v1", t -> t.map("spec").put("partitons", 6));

        assertThat(SchemaCheck.problems(broken)).singleElement().asString()
                .contains("KafkaTopic/nexus.orders.v1").contains("partitons");
    }

    @Test
    void aValueOutsideACustomResourceEnumFails() {
        Manifests broken = Overlays.prod().with("KafkaUser", "sync-orchestrator", u ->
                u.list("spec.authorization.acls").getFirst().put("operations", List.of("Reed")));

        assertThat(SchemaCheck.problems(broken)).singleElement().asString().contains("KafkaUser/sync-orchestrator");
    }

    @Test
    void anUnknownFieldUnderACnpgOrKedaResourceFails() {
        Manifests cluster = Kustomize.render("infra/postgres").with("Cluster", "nexus-pg", c ->
                c.map("spec").put("replicationSlot", Map.of()));
        Manifests scaled = Overlays.prod().with("ScaledObject", "sync-orchestrator", s ->
                s.map("spec").put("maxReplicas", 3));

        assertThat(SchemaCheck.problems(cluster)).singleElement().asString().contains("replicationSlot");
        assertThat(SchemaCheck.problems(scaled)).singleElement().asString().contains("maxReplicas");
    }

    @Test
    void aKindWithoutSchemaIsNotWavedThrough() {
        Manifests extra = Overlays.prod().plus(new Manifest(Map.of("apiVersion", "example.com/v1", "kind", "Widget",
                "metadata", Map.of("name", "w"))));

        assertThat(SchemaCheck.problems(extra)).singleElement().asString().contains("Widget/w").contains("no schema");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container(Manifest deployment) {
        return deployment.list("spec.template.spec.containers").getFirst();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.filter(p -> !p.startsWith(from.resolve("target")) && !p.startsWith(from.resolve("src")))
                    .toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}

package io.nexusconnect.deploy.k8s;

import io.nexusconnect.deploy.k8s.check.SchemaCheck;
import io.nexusconnect.deploy.k8s.render.Kustomize;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;
import io.nexusconnect.deploy.k8s.render.StrictYaml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manifests prepared for services whose modules are not in the build yet (not rendered by the overlays until then)
 * still render and match their schemas, so switching them on is a one-line change.
 */
class PreparedManifestsTest {

    @ParameterizedTest(name = "{0} renders and matches its schemas")
    @ValueSource(strings = {"base/adapters/ebay", "base/adapters/shopify", "base/services/webhook-gateway"})
    void preparedKustomizationsAreValid(String kustomization) {
        Manifests rendered = Kustomize.render(kustomization);

        assertThat(rendered.all()).extracting(Manifest::kind).contains("Deployment", "KafkaUser");
        assertThat(SchemaCheck.problems(rendered)).isEmpty();
    }

    @ParameterizedTest(name = "{0} matches its schema")
    @ValueSource(strings = {"components/ingress/webhook-gateway.yaml", "components/httproute/webhook-gateway.yaml"})
    void preparedRoutesAreValid(String file) throws IOException {
        Manifests routes = new Manifests(file, StrictYaml.parseAll(Files.readString(Kustomize.k8sDir().resolve(file)))
                .stream().map(Manifest::new).toList());

        assertThat(SchemaCheck.problems(routes)).isEmpty();
    }
}

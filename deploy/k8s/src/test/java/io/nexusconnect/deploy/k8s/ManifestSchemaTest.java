package io.nexusconnect.deploy.k8s;

import io.nexusconnect.deploy.k8s.check.SchemaCheck;
import io.nexusconnect.deploy.k8s.render.Kustomize;
import io.nexusconnect.deploy.k8s.render.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestSchemaTest {

    @ParameterizedTest(name = "{0} renders and every object matches its schema")
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "infra/kafka", "infra/postgres"})
    void everyObjectMatchesItsSchema(String kustomization) {
        Manifests rendered = Kustomize.render(kustomization);

        assertThat(rendered.all()).isNotEmpty();
        assertThat(SchemaCheck.problems(rendered)).isEmpty();
    }
}

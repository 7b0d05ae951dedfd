package io.nexusconnect.deploy.k8s;

import io.nexusconnect.deploy.k8s.check.AclCheck;
import io.nexusconnect.deploy.k8s.check.ConnectorCheck;
import io.nexusconnect.deploy.k8s.check.CoverageCheck;
import io.nexusconnect.deploy.k8s.check.EnvCheck;
import io.nexusconnect.deploy.k8s.check.TopicCheck;
import io.nexusconnect.deploy.k8s.check.WorkloadCheck;
import io.nexusconnect.deploy.k8s.code.Codebase;
import io.nexusconnect.deploy.k8s.render.Kustomize;
import io.nexusconnect.deploy.k8s.render.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered overlays agree with the code they deploy. */
class CrossReferenceTest {
    private final Codebase codebase = Codebase.current();

    @Test
    void theBuildHasTheServicesThisModuleKnowsToCheck() {
        assertThat(codebase.services()).extracting(s -> s.name())
                .contains("connection-service", "sync-orchestrator", "adapter-amazon");
    }

    @ParameterizedTest(name = "{0}: every topic of the code has its KafkaTopic, and no KafkaTopic is unused")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void topicsMatchTheCode(String overlay) {
        assertThat(TopicCheck.problems(Kustomize.render(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: every KafkaUser allows exactly what its service does")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void aclsMatchWhatEachServiceDoes(String overlay) {
        assertThat(AclCheck.problems(Kustomize.render(overlay), codebase)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: the KafkaConnector is the embedded relay's configuration")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theConnectorIsTheEmbeddedRelay(String overlay) {
        assertThat(ConnectorCheck.problems(Kustomize.render(overlay), codebase)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: every variable sets a real key and every required key is set")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void environmentMatchesConfiguration(String overlay) {
        assertThat(EnvCheck.problems(Kustomize.render(overlay), codebase)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: probes, hardening, images, selectors and autoscalers")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void workloadsMatchTheirServices(String overlay) {
        assertThat(WorkloadCheck.problems(Kustomize.render(overlay), codebase)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: every service is deployed and every Deployment is a service")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void servicesAndManifestsCoverEachOther(String overlay) {
        Manifests rendered = Kustomize.render(overlay);

        assertThat(CoverageCheck.problems(rendered, codebase)).isEmpty();
        assertThat(CoverageCheck.adapterEntryProblems(Kustomize.k8sDir().resolve("base/adapters"), codebase)).isEmpty();
    }
}

package io.nexusconnect.deploy.k8s.check;

import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pod-level views of Deployments (and of the pods Strimzi makes from a KafkaConnect template). */
final class Workloads {
    private Workloads() {
    }

    static Map<String, Object> container(Manifest deployment) {
        return deployment.list("spec.template.spec.containers").stream().findFirst().orElse(Map.of());
    }

    static List<Map<String, Object>> env(Map<String, Object> container) {
        return Manifest.asList(container.get("env"));
    }

    /** The pod labels of every workload, by its id. */
    static Map<String, Map<String, String>> podLabels(Manifests manifests) {
        Map<String, Map<String, String>> pods = new LinkedHashMap<>();
        manifests.ofKind("Deployment").forEach(d -> pods.put(d.id(), d.stringMap("spec.template.metadata.labels")));
        manifests.ofKind("KafkaConnect").forEach(c -> pods.put(c.id(), c.stringMap("spec.template.pod.metadata.labels")));
        return pods;
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** The container port a probe or Service names, by number or by port name. */
    static Optional<Integer> port(Map<String, Object> container, Object port) {
        for (Map<String, Object> declared : Manifest.asList(container.get("ports"))) {
            if (String.valueOf(port).equals(String.valueOf(declared.get("name")))
                    || String.valueOf(port).equals(String.valueOf(declared.get("containerPort")))) {
                return Optional.of(((Number) declared.get("containerPort")).intValue());
            }
        }
        return Optional.empty();
    }
}

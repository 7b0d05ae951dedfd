package io.nexusconnect.deploy.k8s.check;

import io.nexusconnect.deploy.k8s.code.Codebase;
import io.nexusconnect.deploy.k8s.code.KafkaNeeds.Principal;
import io.nexusconnect.deploy.k8s.code.ServiceModule;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pods ↔ code and objects ↔ pods: probes on the service's own quarkus.http.port and /q/health paths, the hardening
 * every pod needs, images named after their module, selectors that select pods, and one autoscaler per target whose
 * consumer group is real and whose replicas never exceed the partitions.
 */
public final class WorkloadCheck {
    private static final Map<String, String> PROBES = Map.of("startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9.-]+(:\\d+)?/nexus-connect/([a-z0-9-]+)(:[\\w.-]+|@sha256:[0-9a-f]{64})");

    private WorkloadCheck() {
    }

    public static List<String> problems(Manifests manifests, Codebase codebase) {
        List<String> problems = new ArrayList<>();
        Map<String, Principal> principals = AclCheck.principals(manifests, codebase);
        for (Manifest deployment : manifests.ofKind("Deployment")) {
            codebase.service(deployment.name()).ifPresent(service -> pod(deployment, service, manifests, problems));
        }
        selectors(manifests, problems);
        autoscalers(manifests, principals, problems);
        return problems;
    }

    private static void pod(Manifest deployment, ServiceModule service, Manifests manifests, List<String> problems) {
        String id = deployment.id();
        Map<String, Object> container = Workloads.container(deployment);
        PROBES.forEach((probe, path) -> {
            Map<String, Object> httpGet = Manifest.asMap(Manifest.at(container, probe + ".httpGet").orElse(null));
            if (!path.equals(httpGet.get("path"))) {
                problems.add(id + ": " + probe + " must GET " + path + ", it GETs " + httpGet.get("path"));
            }
            int port = Workloads.port(container, httpGet.get("port")).orElse(-1);
            if (port != service.httpPort()) {
                problems.add(id + ": " + probe + " probes port " + port + ", " + service.name() + " listens on "
                        + service.httpPort() + " (quarkus.http.port)");
            }
        });
        Map<String, Object> pod = deployment.map("spec.template.spec");
        require(id, Manifest.at(pod, "securityContext.runAsNonRoot").orElse(false), true, "runAsNonRoot", problems);
        require(id, Manifest.at(pod, "securityContext.seccompProfile.type").orElse(""), "RuntimeDefault", "seccompProfile", problems);
        require(id, Manifest.at(container, "securityContext.readOnlyRootFilesystem").orElse(false), true, "readOnlyRootFilesystem", problems);
        require(id, Manifest.at(container, "securityContext.allowPrivilegeEscalation").orElse(true), false, "allowPrivilegeEscalation", problems);
        require(id, String.valueOf(Manifest.at(container, "securityContext.capabilities.drop").orElse("")), "[ALL]", "capabilities.drop", problems);
        for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
            if (Manifest.at(container, "resources." + resource).isEmpty()) {
                problems.add(id + ": no resources." + resource);
            }
        }
        Map<String, String> labels = deployment.stringMap("spec.template.metadata.labels");
        List<Map<String, Object>> spread = Manifest.asList(pod.get("topologySpreadConstraints"));
        if (spread.isEmpty() || spread.stream().anyMatch(c -> !Workloads.selects(
                new Manifest(c).stringMap("labelSelector.matchLabels"), labels))) {
            problems.add(id + ": topologySpreadConstraints must spread its own pods");
        }
        if (!Workloads.selects(deployment.stringMap("spec.selector.matchLabels"), labels)) {
            problems.add(id + ": its selector does not match its pod labels");
        }
        String account = String.valueOf(pod.get("serviceAccountName"));
        if (manifests.find("ServiceAccount", account).isEmpty()) {
            problems.add(id + ": ServiceAccount " + account + " is not rendered");
        }
        String image = String.valueOf(container.get("image"));
        var matcher = IMAGE.matcher(image);
        if (!matcher.matches() || !matcher.group(2).equals(service.name()) || image.endsWith(":latest")) {
            problems.add(id + ": image " + image + " must be <registry>/nexus-connect/" + service.name() + ":<version> or @sha256:<digest>");
        }
    }

    private static void selectors(Manifests manifests, List<String> problems) {
        Map<String, Map<String, String>> pods = Workloads.podLabels(manifests);
        for (Manifest service : manifests.ofKind("Service")) {
            Map<String, String> selector = service.stringMap("spec.selector");
            List<Manifest> selected = manifests.ofKind("Deployment").stream()
                    .filter(d -> Workloads.selects(selector, d.stringMap("spec.template.metadata.labels"))).toList();
            if (selected.size() != 1) {
                problems.add(service.id() + ": its selector " + selector + " matches " + selected.size() + " Deployments, not 1");
                continue;
            }
            for (Map<String, Object> port : service.list("spec.ports")) {
                if (Workloads.port(Workloads.container(selected.getFirst()), port.get("targetPort")).isEmpty()) {
                    problems.add(service.id() + ": targetPort " + port.get("targetPort") + " is no port of " + selected.getFirst().id());
                }
            }
        }
        for (Manifest ingress : manifests.ofKind("Ingress")) {
            for (Map<String, Object> rule : ingress.list("spec.rules")) {
                for (Map<String, Object> path : Manifest.asList(Manifest.at(rule, "http.paths").orElse(null))) {
                    backend(ingress, manifests, Manifest.at(path, "backend.service.name").orElse(""),
                            Manifest.at(path, "backend.service.port.name").or(() -> Manifest.at(path, "backend.service.port.number"))
                                    .orElse(""), problems);
                }
            }
        }
        for (Manifest route : manifests.ofKind("HTTPRoute")) {
            for (Map<String, Object> rule : route.list("spec.rules")) {
                for (Map<String, Object> ref : Manifest.asList(rule.get("backendRefs"))) {
                    backend(route, manifests, ref.get("name"), ref.get("port"), problems);
                }
            }
        }
        for (Manifest budget : manifests.ofKind("PodDisruptionBudget")) {
            selectsSome(budget, budget.stringMap("spec.selector.matchLabels"), pods, problems);
        }
        for (Manifest policy : manifests.ofKind("NetworkPolicy")) {
            selectsSome(policy, policy.stringMap("spec.podSelector.matchLabels"), pods, problems);
        }
    }

    /** An Ingress or HTTPRoute backend: a rendered Service with that port (by name or number). */
    private static void backend(Manifest route, Manifests manifests, Object service, Object port, List<String> problems) {
        boolean found = manifests.find("Service", String.valueOf(service)).stream().flatMap(s -> s.list("spec.ports").stream())
                .anyMatch(p -> String.valueOf(port).equals(String.valueOf(p.get("name"))) || String.valueOf(port).equals(String.valueOf(p.get("port"))));
        if (!found) {
            problems.add(route.id() + ": backend " + service + ":" + port + " is no rendered Service port");
        }
    }

    private static void selectsSome(Manifest object, Map<String, String> selector, Map<String, Map<String, String>> pods,
                                    List<String> problems) {
        if (pods.values().stream().noneMatch(labels -> Workloads.selects(selector, labels))) {
            problems.add(object.id() + ": its selector " + selector + " matches no pod");
        }
    }

    private static void autoscalers(Manifests manifests, Map<String, Principal> principals, List<String> problems) {
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        for (Manifest hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            String target = hpa.string("spec.scaleTargetRef.name").orElse("");
            byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(hpa.id());
            int max = hpa.get("spec.maxReplicas").map(v -> ((Number) v).intValue()).orElse(0);
            Principal consumer = principals.get(target);
            if (consumer != null && !consumer.groups().isEmpty() && !target.equals("connection-service")) {
                consumer.groups().values().stream().flatMap(Set::stream).mapToInt(WorkloadCheck::partitions).min()
                        .ifPresent(partitions -> {
                            if (max > partitions) {
                                problems.add(hpa.id() + ": maxReplicas " + max + " exceeds the " + partitions + " partitions it consumes");
                            }
                        });
            }
        }
        for (Manifest scaled : manifests.ofKind("ScaledObject")) {
            String target = scaled.string("spec.scaleTargetRef.name").orElse("");
            byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(scaled.id());
            int max = scaled.get("spec.maxReplicaCount").map(v -> ((Number) v).intValue()).orElse(100);
            for (Map<String, Object> trigger : scaled.list("spec.triggers")) {
                Map<String, String> metadata = new Manifest(trigger).stringMap("metadata");
                String group = metadata.get("consumerGroup");
                String topic = metadata.get("topic");
                Principal service = principals.get(target);
                if (service == null || !service.groups().containsKey(group)) {
                    problems.add(scaled.id() + ": consumerGroup " + group + " is no group.id of " + target);
                } else if (!service.groups().get(group).contains(topic)) {
                    problems.add(scaled.id() + ": group " + group + " does not read " + topic);
                }
                String bootstrap = ConnectorCheck.configValue(manifests, "KAFKA_BOOTSTRAP_SERVERS");
                if (!bootstrap.equals(metadata.get("bootstrapServers"))) {
                    problems.add(scaled.id() + ": reads lag from " + metadata.get("bootstrapServers") + ", the services use " + bootstrap);
                }
                if (max > partitions(topic)) {
                    problems.add(scaled.id() + ": maxReplicaCount " + max + " exceeds the " + partitions(topic) + " partitions of " + topic);
                }
                String auth = String.valueOf(Manifest.at(trigger, "authenticationRef.name").orElse(""));
                if (manifests.find("TriggerAuthentication", auth).isEmpty()) {
                    problems.add(scaled.id() + ": TriggerAuthentication " + auth + " is not rendered");
                }
            }
        }
        byTarget.forEach((target, scalers) -> {
            if (scalers.size() > 1) {
                problems.add("Deployment/" + target + " has more than one autoscaler: " + scalers);
            }
            manifests.find("Deployment", target).ifPresentOrElse(d -> {
                if (d.get("spec.replicas").isPresent()) {
                    problems.add(d.id() + ": sets replicas although " + scalers + " owns the count");
                }
            }, () -> problems.add(scalers + " scale Deployment/" + target + ", which is not rendered"));
        });
    }

    private static int partitions(String topic) {
        var spec = TopicCheck.expected().get(topic);
        return spec == null ? 0 : spec.partitions();
    }

    private static void require(String id, Object actual, Object expected, String field, List<String> problems) {
        if (!String.valueOf(expected).equals(String.valueOf(actual))) {
            problems.add(id + ": " + field + " must be " + expected + ", is " + actual);
        }
    }
}

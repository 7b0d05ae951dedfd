package io.nexusconnect.deploy.k8s.check;

import io.nexusconnect.deploy.k8s.code.Codebase;
import io.nexusconnect.deploy.k8s.code.KafkaNeeds;
import io.nexusconnect.deploy.k8s.code.KafkaNeeds.Need;
import io.nexusconnect.deploy.k8s.code.KafkaNeeds.Principal;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KafkaUser ACLs ↔ what each principal does: every need allowed, and no ACL (or operation of one) that no need
 * uses. Principals: every service, the Kafka Connect worker of the outbox, and KEDA when ScaledObjects are rendered.
 */
public final class AclCheck {
    private static final Set<String> CONNECT_STORAGE_OPERATIONS = Set.of("Create", "Describe", "DescribeConfigs", "Read", "Write");

    private AclCheck() {
    }

    record Acl(String type, String name, boolean prefix, List<String> operations) {
        boolean covers(Need need, String operation) {
            boolean nameMatches = prefix ? need.name().startsWith(name) : !need.prefix() && need.name().equals(name);
            return type.equals(need.type()) && nameMatches && (operations.contains(operation) || operations.contains("All"));
        }
    }

    public static Map<String, Principal> principals(Manifests manifests, Codebase codebase) {
        Map<String, Principal> principals = new LinkedHashMap<>(KafkaNeeds.ofServices(codebase));
        for (Manifest connect : manifests.ofKind("KafkaConnect")) {
            Principal worker = KafkaNeeds.principal(connect.name());
            String group = connect.string("spec.groupId").orElse("");
            worker.needs().add(new Need("group", group, false, Set.of("Read"), "Connect worker group"));
            for (String storage : List.of("configStorageTopic", "offsetStorageTopic", "statusStorageTopic")) {
                worker.needs().add(new Need("topic", connect.string("spec." + storage).orElse(""), false,
                        CONNECT_STORAGE_OPERATIONS, "Connect creates and uses its " + storage));
            }
            KafkaNeeds.outboxTopics(codebase).forEach(topic -> worker.needs().add(
                    new Need("topic", topic, false, Set.of("Write", "Describe"), "outbox routes to it")));
            principals.put(connect.name(), worker);
        }
        List<Manifest> scaled = manifests.ofKind("ScaledObject");
        if (!scaled.isEmpty()) {
            Principal keda = KafkaNeeds.principal("keda");
            for (Manifest object : scaled) {
                for (Map<String, Object> trigger : object.list("spec.triggers")) {
                    Map<String, Object> metadata = Manifest.asMap(trigger.get("metadata"));
                    keda.needs().add(new Need("group", String.valueOf(metadata.get("consumerGroup")), false,
                            Set.of("Describe"), object.id() + " reads the lag"));
                    keda.needs().add(new Need("topic", String.valueOf(metadata.get("topic")), false,
                            Set.of("Describe"), object.id() + " reads the offsets"));
                }
            }
            principals.put("keda", keda);
        }
        return principals;
    }

    public static List<String> problems(Manifests manifests, Codebase codebase) {
        List<String> problems = new ArrayList<>();
        Map<String, Principal> principals = principals(manifests, codebase);
        for (Principal principal : principals.values()) {
            Manifest user = manifests.find("KafkaUser", principal.user()).orElse(null);
            if (user == null) {
                problems.add(principal.user() + " uses Kafka but has no KafkaUser");
                continue;
            }
            List<Acl> acls = acls(user);
            for (Need need : principal.needs()) {
                for (String operation : need.operations()) {
                    if (acls.stream().noneMatch(acl -> acl.covers(need, operation))) {
                        problems.add(user.id() + ": no ACL allows " + operation + " on " + need.type() + " "
                                + need.name() + (need.prefix() ? "*" : "") + " (" + need.why() + ")");
                    }
                }
            }
            for (Acl acl : acls) {
                for (String operation : acl.operations()) {
                    boolean used = principal.needs().stream().anyMatch(need -> need.operations().contains(operation)
                            && new Acl(acl.type(), acl.name(), acl.prefix(), List.of(operation)).covers(need, operation));
                    if (!used) {
                        problems.add(user.id() + ": ACL " + operation + " on " + acl.type() + " " + acl.name()
                                + (acl.prefix() ? "*" : "") + " is more than the code needs");
                    }
                }
            }
        }
        for (Manifest user : manifests.ofKind("KafkaUser")) {
            if (!principals.containsKey(user.name())) {
                problems.add(user.id() + ": no service or component of this overlay uses it");
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    static List<Acl> acls(Manifest user) {
        List<Acl> acls = new ArrayList<>();
        for (Map<String, Object> acl : user.list("spec.authorization.acls")) {
            Map<String, Object> resource = Manifest.asMap(acl.get("resource"));
            acls.add(new Acl(String.valueOf(resource.get("type")), String.valueOf(resource.get("name")),
                    "prefix".equals(resource.get("patternType")), (List<String>) acl.getOrDefault("operations", List.of())));
        }
        return acls;
    }
}

package io.nexusconnect.deploy.k8s.check;

import io.nexusconnect.deploy.k8s.code.Codebase;
import io.nexusconnect.deploy.k8s.code.ConfigKeys;
import io.nexusconnect.deploy.k8s.code.ServiceModule;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Environment ↔ configuration: every variable a service's container gets maps (SmallRye's rule) to a key that
 * service reads, every key it cannot start without is set, and every ConfigMap or generated Secret reference points
 * at a key that exists. {@code KAFKA_*} variables may also be Kafka client settings under the {@code kafka.} prefix.
 */
public final class EnvCheck {
    private EnvCheck() {
    }

    public static List<String> problems(Manifests manifests, Codebase codebase) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : manifests.ofKind("Deployment")) {
            ServiceModule service = codebase.service(deployment.name()).orElse(null);
            if (service == null) {
                continue;
            }
            Map<String, Object> container = Workloads.container(deployment);
            Set<String> names = new LinkedHashSet<>();
            for (Map<String, Object> variable : Workloads.env(container)) {
                names.add(String.valueOf(variable.get("name")));
                Map<String, Object> from = Manifest.asMap(variable.get("valueFrom"));
                reference(manifests, deployment, "ConfigMap", Manifest.asMap(from.get("configMapKeyRef")), problems);
                reference(manifests, deployment, "Secret", Manifest.asMap(from.get("secretKeyRef")), problems);
            }
            for (Map<String, Object> source : Manifest.asList(container.get("envFrom"))) {
                String configMap = String.valueOf(Manifest.at(source, "configMapRef.name").orElse(""));
                Manifest data = manifests.find("ConfigMap", configMap).orElse(null);
                if (data == null) {
                    problems.add(deployment.id() + ": envFrom names ConfigMap " + configMap + ", which is not rendered");
                } else {
                    names.addAll(data.stringMap("data").keySet());
                }
            }
            for (String name : names) {
                if (!service.readsEnv(name) && !isKafkaClientSetting(name)) {
                    problems.add(deployment.id() + ": " + name + " sets no configuration key of " + service.name());
                }
            }
            for (String required : service.requiredKeys()) {
                if (!names.contains(ConfigKeys.envName(required))) {
                    problems.add(deployment.id() + ": " + service.name() + " cannot start without " + required
                            + " (" + ConfigKeys.envName(required) + ")");
                }
            }
        }
        return problems;
    }

    /** {@code KAFKA_SSL_KEYSTORE_TYPE} → {@code ssl.keystore.type}, a setting of Kafka's consumer or producer. */
    static boolean isKafkaClientSetting(String name) {
        if (!name.startsWith("KAFKA_")) {
            return false;
        }
        String key = name.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
        return ConsumerConfig.configNames().contains(key) || ProducerConfig.configNames().contains(key);
    }

    private static void reference(Manifests manifests, Manifest deployment, String kind, Map<String, Object> ref,
                                  List<String> problems) {
        if (ref.isEmpty()) {
            return;
        }
        String name = String.valueOf(ref.get("name"));
        String key = String.valueOf(ref.get("key"));
        manifests.find(kind, name).ifPresentOrElse(target -> {
            Set<String> keys = new LinkedHashSet<>(target.stringMap("data").keySet());
            keys.addAll(target.stringMap("stringData").keySet());
            if (!keys.contains(key)) {
                problems.add(deployment.id() + ": " + kind + " " + name + " has no key " + key);
            }
        }, () -> {
            // Secrets of operators (Strimzi, CNPG) or of the platform's secret manager are not rendered; ConfigMaps are
            if (kind.equals("ConfigMap")) {
                problems.add(deployment.id() + ": ConfigMap " + name + " is not rendered");
            }
        });
    }
}

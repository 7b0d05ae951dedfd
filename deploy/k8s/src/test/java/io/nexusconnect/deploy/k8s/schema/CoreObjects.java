package io.nexusconnect.deploy.k8s.schema;

import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.nexusconnect.deploy.k8s.render.Manifest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Core Kubernetes objects checked with the generated models of the Kubernetes Java client (API 1.32): their
 * {@code validateJsonElement} rejects fields the API does not define and missing required fields, recursively; the
 * typed read that follows rejects wrong types (a string where a number belongs).
 */
public final class CoreObjects {
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", V1Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", V1RoleBinding.class));
    private static final JSON JSON = new JSON();

    private CoreObjects() {
    }

    public static boolean knows(Manifest manifest) {
        return MODELS.containsKey(manifest.apiVersion() + "/" + manifest.kind());
    }

    /** The problem with this object, if any. */
    public static Optional<String> problem(Manifest manifest) {
        Class<?> model = MODELS.get(manifest.apiVersion() + "/" + manifest.kind());
        if (model == null) {
            return Optional.of(manifest.id() + ": no model for " + manifest.apiVersion());
        }
        JsonElement tree = JSON.getGson().toJsonTree(manifest.body());
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, tree);
            JSON.getGson().fromJson(tree, model);
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(manifest.id() + ": " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            return Optional.of(manifest.id() + ": " + e.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the model " + model.getName() + " has no validator", e);
        }
    }
}

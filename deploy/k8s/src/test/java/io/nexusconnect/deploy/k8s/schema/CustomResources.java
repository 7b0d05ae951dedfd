package io.nexusconnect.deploy.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.StrictYaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Custom resources validated against the {@code openAPIV3Schema} of their CRDs (copied upstream files under
 * {@code src/test/resources/crds}), made as strict as the API server's structural-schema pruning: an object schema
 * with {@code properties} rejects other fields unless it preserves unknown fields. Kinds without a CRD here have a
 * hand-written strict subset under {@code src/test/resources/schemas}.
 */
public final class CustomResources {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> CRD_FILES = List.of("040-Crd-kafka.yaml", "041-Crd-kafkaconnect.yaml",
            "043-Crd-kafkatopic.yaml", "044-Crd-kafkauser.yaml", "045-Crd-kafkanodepool.yaml", "047-Crd-kafkaconnector.yaml",
            "postgresql.cnpg.io_clusters.yaml", "keda.sh_scaledobjects.yaml", "keda.sh_triggerauthentications.yaml");
    private static final Map<String, String> HAND_WRITTEN = Map.of(
            "gateway.networking.k8s.io/v1/HTTPRoute", "schemas/httproute.json",
            "monitoring.coreos.com/v1/ServiceMonitor", "schemas/servicemonitor.json");
    private static final Map<String, JsonSchema> SCHEMAS = load();

    private CustomResources() {
    }

    public static boolean knows(Manifest manifest) {
        return SCHEMAS.containsKey(manifest.apiVersion() + "/" + manifest.kind());
    }

    public static Optional<String> problem(Manifest manifest) {
        JsonSchema schema = SCHEMAS.get(manifest.apiVersion() + "/" + manifest.kind());
        if (schema == null) {
            return Optional.of(manifest.id() + ": no schema for " + manifest.apiVersion());
        }
        Set<ValidationMessage> messages = schema.validate(MAPPER.valueToTree(manifest.body()));
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(manifest.id() + ": " + messages.stream().map(ValidationMessage::getMessage).sorted()
                .collect(Collectors.joining("; ")));
    }

    private static Map<String, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (String file : CRD_FILES) {
            Map<String, Object> crd = StrictYaml.parseAll(resource("crds/" + file)).getFirst();
            Manifest definition = new Manifest(crd);
            String group = definition.string("spec.group").orElseThrow();
            String kind = definition.string("spec.names.kind").orElseThrow();
            for (Map<String, Object> version : definition.list("spec.versions")) {
                JsonNode openApi = MAPPER.valueToTree(Manifest.at(version, "schema.openAPIV3Schema").orElseThrow());
                schemas.put(group + "/" + version.get("name") + "/" + kind, factory.getSchema(structural(openApi)));
            }
        }
        HAND_WRITTEN.forEach((key, file) -> {
            try {
                schemas.put(key, factory.getSchema(structural(MAPPER.readTree(resource(file)))));
            } catch (IOException e) {
                throw new IllegalStateException("unreadable schema " + file, e);
            }
        });
        return Map.copyOf(schemas);
    }

    /**
     * Translates the Kubernetes extensions into JSON Schema and closes every object schema that lists its
     * properties: int-or-string becomes a type union, nullable adds null, preserve-unknown-fields keeps it open.
     */
    static JsonNode structural(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        ObjectNode out = schema.deepCopy();
        boolean preserve = out.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (out.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            ArrayNode anyOf = out.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (out.path("nullable").asBoolean(false) && out.has("type") && out.get("type").isTextual()) {
            ArrayNode types = MAPPER.createArrayNode().add(out.get("type").asText()).add("null");
            out.set("type", types);
        }
        for (Iterator<String> names = out.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("x-kubernetes-") || name.equals("nullable") || name.equals("format")
                    || name.equals("description")) {
                names.remove();
            }
        }
        if (out.has("properties")) {
            ObjectNode properties = (ObjectNode) out.get("properties");
            properties.fieldNames().forEachRemaining(p -> properties.set(p, structural(properties.get(p))));
            if (!preserve && !out.has("additionalProperties") && "object".equals(out.path("type").asText())) {
                out.put("additionalProperties", false);
            }
        }
        for (String key : List.of("items", "additionalProperties", "not")) {
            if (out.get(key) instanceof ObjectNode child) {
                out.set(key, structural(child));
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            if (out.get(key) instanceof ArrayNode branches) {
                for (int i = 0; i < branches.size(); i++) {
                    branches.set(i, structural(branches.get(i)));
                }
            }
        }
        return out;
    }

    private static String resource(String path) {
        try (InputStream in = CustomResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable test resource " + path, e);
        }
    }
}

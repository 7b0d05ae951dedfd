package io.nexusconnect.contracts.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The JSON Schemas in {@code schemas/}, one per {@code ce_type} ({@code schemas/<ce_type>.json}). They are published for
 * subscribers, who read tolerantly ({@link EventDecoder}): no schema forbids unknown fields. Producers' tests check
 * themselves more strictly ({@link #strictViolations}): what they write has no field the contract does not name.
 */
public final class EventSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static JsonSchema schema(String ceType) {
        return CACHE.computeIfAbsent(ceType, type -> {
            String path = "/schemas/" + type + ".json";
            try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("no JSON Schema for event type " + type + " at " + path);
                }
                return FACTORY.getSchema(Json.mapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final Map<String, JsonSchema> STRICT = new ConcurrentHashMap<>();

    /** The violations of {@code json} against the schema of {@code ceType}; empty when it conforms. */
    public static Set<String> violations(String ceType, String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            Set<ValidationMessage> messages = schema(ceType).validate(node);
            return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    /**
     * The violations of {@code json} against the schema of {@code ceType} read strictly: every object with declared
     * properties also forbids others. For a producer's own tests (a field not in the contract is a typo or an
     * unannounced change), never for readers.
     */
    public static Set<String> strictViolations(String ceType, String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            JsonSchema strict = STRICT.computeIfAbsent(ceType, type -> {
                JsonNode copy = schema(type).getSchemaNode().deepCopy();
                closeObjects(copy);
                return FACTORY.getSchema(copy);
            });
            return strict.validate(node).stream().map(ValidationMessage::getMessage)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(EventSchemas::closeObjects);
        } else if (node.isArray()) {
            node.forEach(EventSchemas::closeObjects);
        }
    }
}

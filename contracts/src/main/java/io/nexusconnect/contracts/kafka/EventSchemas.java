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
 * The JSON Schemas in {@code schemas/}, one per {@code ce_type} ({@code schemas/<ce_type>.json}). Tests validate
 * every event they see against them; a producer may too.
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
}

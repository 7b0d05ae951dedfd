package io.nexusconnect.contracts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one way every consumer reads an event: a tolerant reader. Unknown fields are ignored (a producer may add an
 * optional field before its readers are redeployed); required fields, types, formats and enums are enforced by the
 * event's JSON Schema; a {@code ce_type} of the same event with a newer minor version ({@code ...v1.3}) is read with
 * the v1 contract, another event or another major version is poison. Every failure is a
 * {@link MalformedEventException} whose message is the reason a dead letter carries.
 */
public final class EventDecoder {
    private EventDecoder() {
    }

    /** Decodes {@code value} as the event {@code expectedType} names (a {@code ce_type}), checking the record's own. */
    public static <T> T decode(String value, Headers headers, String expectedType, Class<T> target) {
        try {
            checkType(headers, List.of(expectedType));
            return convert(tree(value), expectedType, target);
        } catch (MalformedEventException e) {
            throw named(target, e);
        }
    }

    public static <T> T decode(byte[] value, Headers headers, String expectedType, Class<T> target) {
        return decode(value == null ? null : new String(value, StandardCharsets.UTF_8), headers, expectedType, target);
    }

    /**
     * Decodes a record of a topic that carries several event types, told apart by a field of the payload
     * ({@code discriminator}, e.g. {@code kind}); {@code typeOf} maps its value to the event's {@code ce_type}.
     */
    public static <T> T decodeOneOf(String value, Headers headers, String discriminator,
                                    java.util.function.Function<String, String> typeOf, Class<T> target) {
        try {
            JsonNode node = tree(value);
            String kind = node.path(discriminator).asText("");
            String type = typeOf.apply(kind);
            if (type == null) {
                throw new MalformedEventException("unknown " + discriminator + " '" + kind + "'");
            }
            checkType(headers, List.of(type));
            return convert(node, type, target);
        } catch (MalformedEventException e) {
            throw named(target, e);
        }
    }

    /** The reason with the event it is about in front: "not a valid SyncRequested: value is not JSON: ...". */
    private static MalformedEventException named(Class<?> target, MalformedEventException e) {
        return new MalformedEventException("not a valid " + target.getSimpleName() + ": " + e.getMessage(), e);
    }

    /** A record whose {@code ce_type} header names another event or major version is poison; no header is accepted. */
    public static void checkType(Headers headers, List<String> accepted) {
        Optional<String> header = headers == null ? Optional.empty() : CloudEvents.get(headers, CloudEvents.TYPE);
        if (header.isEmpty()) {
            return;
        }
        EventType actual = EventType.parse(header.get());
        for (String type : accepted) {
            if (EventType.parse(type).reads(actual)) {
                return;
            }
        }
        throw new MalformedEventException("ce_type " + header.get() + " is not " + String.join(" or ", accepted)
                + " (nor a newer minor version of it)");
    }

    /** The value as a JSON object; an empty value, a tombstone, not-JSON or a non-object is poison. */
    public static JsonNode tree(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("record has no value (an event must be a JSON object)");
        }
        try {
            JsonNode node = Json.mapper().readTree(value);
            if (node == null || !node.isObject()) {
                throw new MalformedEventException("value is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("value is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException("value cannot be read: " + e.getMessage(), e);
        }
    }

    /** Validates {@code node} against the schema of {@code ceType} (tolerantly) and maps it onto {@code target}. */
    public static <T> T convert(JsonNode node, String ceType, Class<T> target) {
        String schemaType = EventType.parse(ceType).schemaType();
        String violations = EventSchemas.schema(schemaType).validate(node).stream()
                // a schema of a newer minor version may describe more fields; a reader ignores what it does not know
                .filter(message -> !"additionalProperties".equals(message.getType()))
                .map(message -> message.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        if (!violations.isEmpty()) {
            throw new MalformedEventException(violations + " (schema " + schemaType + ")");
        }
        try {
            T event = Json.mapper().treeToValue(node, target);
            if (event == null) {
                throw new MalformedEventException("value is JSON null");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(e.getOriginalMessage() + " (schema " + schemaType + ")", e);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage() + " (schema " + schemaType + ")", e);
        }
    }
}

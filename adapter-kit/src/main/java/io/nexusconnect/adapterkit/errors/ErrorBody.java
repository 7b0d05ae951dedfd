package io.nexusconnect.adapterkit.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.nexusconnect.contracts.kafka.Json;

import java.util.Locale;

/**
 * What a marketplace's error answer says, read tolerantly: its code (or title, where it has no code) and its message.
 * A body that is not JSON, or JSON of another shape, leaves both empty; the classification then rests on the status.
 */
public record ErrorBody(String code, String message) {
    public static final ErrorBody NONE = new ErrorBody("", "");

    /** Where a marketplace keeps code and message in its error JSON; only the adapter knows. */
    @FunctionalInterface
    public interface Shape {
        ErrorBody of(JsonNode json);
    }

    public ErrorBody {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }

    /** The body read with the marketplace's shape; whatever does not fit it leaves the fields empty. */
    public static ErrorBody read(String body, Shape shape) {
        try {
            JsonNode json = Json.mapper().readTree(body == null ? "" : body);
            return shape.of(json == null ? MissingNode.getInstance() : json);
        } catch (Exception notJson) {
            return NONE;
        }
    }

    /** Flat error objects: {@code {"<codeField>": ..., "<messageField>": ...}} (RFC 7807's title and detail). */
    public static Shape fields(String codeField, String messageField) {
        return json -> new ErrorBody(json.path(codeField).asText(""), json.path(messageField).asText(""));
    }

    /** {@code " (code: message)"} for a classification's message, or nothing when the body said nothing. */
    public String describe() {
        return code.isEmpty() && message.isEmpty() ? "" : " (" + code + ": " + message + ")";
    }

    /** Whether code or message contains any of the words (lower case), e.g. an account the marketplace suspended. */
    public boolean mentions(String... words) {
        return mentions(code + " " + message, words);
    }

    /** Whether the message alone contains any of the words (lower case). */
    public boolean messageMentions(String... words) {
        return mentions(message, words);
    }

    private static boolean mentions(String text, String... words) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}

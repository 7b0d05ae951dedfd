package io.nexusconnect.adapterkit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the marketplace answered: status, headers (case-insensitive), the raw body (kept for the sync history) and
 * the marketplace's request id.
 *
 * @param retryAfter the parsed Retry-After, when the answer carried one
 * @param attempts   how many sends it took
 */
public record MarketplaceResponse(String operation, int status, Map<String, List<String>> headers, String body,
                                  String requestIdHeader, Duration retryAfterValue, int attempts) {

    public MarketplaceResponse {
        TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        headers = Collections.unmodifiableMap(sorted);
        body = body == null ? "" : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.getFirst());
    }

    public Optional<String> requestId() {
        return requestIdHeader == null ? Optional.empty() : header(requestIdHeader);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfterValue);
    }

    /** The body as JSON; an unreadable body is a {@link ErrorCode#MALFORMED_RESPONSE} carrying the raw text. */
    public JsonNode json() {
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed("an empty body", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed("a body that is not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** The body bound to {@code type}; a body that does not fit is a {@link ErrorCode#MALFORMED_RESPONSE}. */
    public <T> T json(Class<T> type) {
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw malformed("an empty body", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw malformed("a body that does not fit " + type.getSimpleName() + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** For adapters that find a required field missing after parsing. */
    public MarketplaceException malformed(String what, Throwable cause) {
        return new MarketplaceException(ErrorCode.MALFORMED_RESPONSE, operation + " answered " + what, status, body,
                requestId().orElse(null), null, cause);
    }

    @Override
    public String toString() {
        return "MarketplaceResponse[" + operation + " " + status + ", requestId=" + requestId().orElse("-") + "]";
    }
}

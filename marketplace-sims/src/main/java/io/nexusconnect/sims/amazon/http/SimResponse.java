package io.nexusconnect.sims.amazon.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, extra headers, body bytes (JSON unless a fault garbles it). */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {
    public static final String CONTENT_TYPE = "Content-Type";

    public SimResponse {
        headers = Map.copyOf(headers);
    }

    public static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, Map.of(CONTENT_TYPE, "application/json"), Json.bytes(body));
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimResponse(status, copy, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

package io.nexusconnect.sims.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /** A 200 whose body is this answer cut in half: what a dropped connection or a broken proxy delivers. */
    public SimResponse garbled() {
        byte[] cut = body.length < 2 ? "{\"".getBytes(StandardCharsets.UTF_8) : Arrays.copyOf(body, body.length / 2);
        return new SimResponse(200, headers, cut);
    }

    /** Writes status, headers and body to the exchange. */
    public void send(RoutingContext ctx) {
        HttpServerResponse http = ctx.response();
        http.setStatusCode(status);
        headers.forEach(http::putHeader);
        http.end(Buffer.buffer(body));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

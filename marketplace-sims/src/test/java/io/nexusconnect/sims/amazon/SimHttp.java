package io.nexusconnect.sims.amazon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexusconnect.sims.common.http.HttpReply;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Real HTTP against a simulator, the way an adapter talks to Amazon. */
final class SimHttp {
    static final ObjectMapper MAPPER = HttpReply.MAPPER;

    private SimHttp() {
    }

    record Reply(int status, HttpHeaders headers, String body) implements HttpReply {
        /** The first SP-API error's field ({@code code}, {@code message}, {@code details}). */
        String error(String field) {
            return json().path("errors").path(0).path(field).asText(null);
        }
    }

    static Reply get(String url, String accessToken) {
        return send("GET", url, accessToken, null);
    }

    static Reply send(String method, String url, String accessToken, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("x-amz-access-token", accessToken);
        }
        return exchange(request);
    }

    static Reply postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Reply postJson(String url, String json) {
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A PUT without credentials, e.g. to a pre-signed feed document URL. */
    static Reply put(String url, String contentType, String body) {
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Reply delete(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    /** An access token of the demo seller, from the simulator's LWA endpoint. */
    static String demoToken(AmazonSimulator sim) {
        return token(sim, AmazonSimulator.DEMO.app(), AmazonSimulator.DEMO.refreshToken());
    }

    static String token(AmazonSimulator sim, LwaApp app, String refreshToken) {
        Reply reply = postForm(sim.lwaTokenUrl(), Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", app.clientId(), "client_secret", app.clientSecret()));
        if (reply.status() != 200) {
            throw new IllegalStateException("token grant failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().path("access_token").asText();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Reply exchange(HttpRequest.Builder request) {
        return HttpReply.exchange(request, Duration.ofSeconds(20), Reply::new);
    }
}

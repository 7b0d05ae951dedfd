package io.nexusconnect.sims.walmart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** Real HTTP against the Walmart simulator, with the headers Walmart requires. */
final class WalmartHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WalmartHttp() {
    }

    record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String errorCode() {
            return json().path("errors").path("error").path(0).path("code").asText();
        }
    }

    static Reply token(WalmartSimulator sim, String secret) {
        String basic = Base64.getEncoder().encodeToString((WalmartSimulator.DEMO.clientId() + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v3/token"))
                .header("Authorization", "Basic " + basic).header("WM_SVC.NAME", "Walmart Marketplace")
                .header("WM_QOS.CORRELATION_ID", UUID.randomUUID().toString()).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    static String accessToken(WalmartSimulator sim) {
        Reply reply = token(sim, WalmartSimulator.DEMO.clientSecret());
        if (reply.status() != 200) {
            throw new IllegalStateException("no token: " + reply);
        }
        return reply.json().path("access_token").asText();
    }

    static HttpRequest.Builder api(WalmartSimulator sim, String token, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .header("WM_SVC.NAME", "Walmart Marketplace")
                .header("WM_QOS.CORRELATION_ID", UUID.randomUUID().toString()).header("Accept", "application/json");
        return token == null ? builder : builder.header("WM_SEC.ACCESS_TOKEN", token);
    }

    static Reply get(WalmartSimulator sim, String token, String pathAndQuery) {
        return send(api(sim, token, pathAndQuery).GET());
    }

    static Reply put(WalmartSimulator sim, String token, String pathAndQuery, String json) {
        return send(api(sim, token, pathAndQuery).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply post(WalmartSimulator sim, String token, String pathAndQuery, String json) {
        return send(api(sim, token, pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

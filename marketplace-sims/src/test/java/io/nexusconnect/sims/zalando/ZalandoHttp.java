package io.nexusconnect.sims.zalando;

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

/** Real HTTP against the zDirect simulator. */
final class ZalandoHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ZalandoHttp() {
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
    }

    static Reply token(ZalandoSimulator sim, String secret) {
        String basic = Base64.getEncoder().encodeToString((ZalandoSimulator.DEMO.clientId() + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/auth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=access_token_only")));
    }

    static String accessToken(ZalandoSimulator sim) {
        Reply reply = token(sim, ZalandoSimulator.DEMO.clientSecret());
        if (reply.status() != 200) {
            throw new IllegalStateException("no token: " + reply);
        }
        return reply.json().path("access_token").asText();
    }

    static Reply get(ZalandoSimulator sim, String token, String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : sim.baseUrl() + pathOrUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/vnd.api+json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static Reply export(ZalandoSimulator sim, String token, String orderId, String merchantOrderId) {
        String body = "{\"data\":{\"type\":\"Order\",\"id\":\"" + orderId + "\",\"attributes\":{\"merchant_order_id\":\""
                + merchantOrderId + "\"}}}";
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/merchants/" + sim.config().merchantId()
                        + "/orders/" + orderId)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/vnd.api+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    static Reply stocks(ZalandoSimulator sim, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/merchants/" + sim.config().merchantId()
                        + "/stocks")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
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

package io.nexusconnect.sims.walmart;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexusconnect.sims.common.http.HttpReply;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

/** Real HTTP against the Walmart simulator, with the headers Walmart requires. */
final class WalmartHttp {
    static final ObjectMapper MAPPER = HttpReply.MAPPER;

    private WalmartHttp() {
    }

    record Reply(int status, HttpHeaders headers, String body) implements HttpReply {
        String errorCode() {
            return json().path("errors").path("error").path(0).path("code").asText();
        }
    }

    static Reply token(WalmartSimulator sim, String secret) {
        String basic = HttpReply.basic(WalmartSimulator.DEMO.clientId(), secret);
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v3/token"))
                .header("Authorization", basic).header("WM_SVC.NAME", "Walmart Marketplace")
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
        return HttpReply.exchange(request, Duration.ofSeconds(10), Reply::new);
    }
}

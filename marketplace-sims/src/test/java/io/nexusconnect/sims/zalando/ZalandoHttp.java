package io.nexusconnect.sims.zalando;

import io.nexusconnect.sims.common.http.HttpReply;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Real HTTP against the zDirect simulator. */
final class ZalandoHttp {

    private ZalandoHttp() {
    }

    record Reply(int status, HttpHeaders headers, String body) implements HttpReply {
    }

    static Reply token(ZalandoSimulator sim, String secret) {
        String basic = HttpReply.basic(ZalandoSimulator.DEMO.clientId(), secret);
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/auth/token"))
                .header("Authorization", basic)
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
        return HttpReply.exchange(request, Duration.ofSeconds(10), Reply::new);
    }
}

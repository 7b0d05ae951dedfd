package io.nexusconnect.sims.bol;

import io.nexusconnect.sims.common.http.HttpReply;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Real HTTP against the bol simulator, with the v10 media type unless a test says otherwise. */
final class BolHttp {
    static final String V10 = "application/vnd.retailer.v10+json";

    private BolHttp() {
    }

    record Reply(int status, HttpHeaders headers, String body) implements HttpReply {
    }

    static Reply token(BolSimulator sim, String secret) {
        String basic = HttpReply.basic(BolSimulator.DEMO.clientId(), secret);
        return send(HttpRequest.newBuilder(URI.create(sim.tokenUrl() + "?grant_type=client_credentials"))
                .header("Authorization", basic).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    static String accessToken(BolSimulator sim) {
        Reply reply = token(sim, BolSimulator.DEMO.clientSecret());
        if (reply.status() != 200) {
            throw new IllegalStateException("no token: " + reply);
        }
        return reply.json().path("access_token").asText();
    }

    static Reply call(BolSimulator sim, String token, String method, String path, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", V10);
        }
        return send(request);
    }

    private static Reply send(HttpRequest.Builder request) {
        return HttpReply.exchange(request, Duration.ofSeconds(10), Reply::new);
    }
}

package io.nexusconnect.sims.ebay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexusconnect.sims.common.http.HttpReply;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP against the eBay simulator, the way an adapter talks to eBay. */
final class EbayHttp {
    static final ObjectMapper MAPPER = HttpReply.MAPPER;
    static final String ALL_SCOPES = String.join(" ", EbayApi.Scopes.FULFILLMENT, EbayApi.Scopes.INVENTORY,
            EbayApi.Scopes.IDENTITY);

    private EbayHttp() {
    }

    record Reply(int status, HttpHeaders headers, String body) implements HttpReply {
        long errorId() {
            return json().path("errors").path(0).path("errorId").asLong();
        }
    }

    static Reply token(EbaySimulator sim, String clientSecret, String refreshToken, String scopes) {
        String basic = HttpReply.basic(EbaySimulator.DEMO.clientId(), clientSecret);
        String form = "grant_type=refresh_token&refresh_token=" + enc(refreshToken) + "&scope=" + enc(scopes);
        return send(HttpRequest.newBuilder(URI.create(sim.tokenUrl())).header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static String accessToken(EbaySimulator sim) {
        Reply reply = token(sim, EbaySimulator.DEMO.clientSecret(), EbaySimulator.DEMO.refreshToken(), ALL_SCOPES);
        if (reply.status() != 200) {
            throw new IllegalStateException("no token: " + reply);
        }
        return reply.json().path("access_token").asText();
    }

    /** An application token (client-credentials grant, public scope). */
    static String applicationToken(EbaySimulator sim) {
        String basic = HttpReply.basic(EbaySimulator.DEMO.clientId(), EbaySimulator.DEMO.clientSecret());
        Reply reply = send(HttpRequest.newBuilder(URI.create(sim.tokenUrl())).header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + enc(EbayApi.Scopes.BASE))));
        if (reply.status() != 200) {
            throw new IllegalStateException("no application token: " + reply);
        }
        return reply.json().path("access_token").asText();
    }

    /** The demo seller's user token with only the given scopes. */
    static String sellerToken(EbaySimulator sim, String scopes) {
        return token(sim, EbaySimulator.DEMO.clientSecret(), EbaySimulator.DEMO.refreshToken(), scopes).json()
                .path("access_token").asText();
    }

    static Reply put(EbaySimulator sim, String token, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply delete(EbaySimulator sim, String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Authorization", "Bearer " + token)
                .DELETE());
    }

    static Reply get(EbaySimulator sim, String token, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET());
    }

    static Reply post(EbaySimulator sim, String token, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Reply send(HttpRequest.Builder request) {
        return HttpReply.exchange(request, Duration.ofSeconds(20), Reply::new);
    }
}

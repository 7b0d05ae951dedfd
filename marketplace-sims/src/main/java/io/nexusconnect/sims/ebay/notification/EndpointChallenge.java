package io.nexusconnect.sims.ebay.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.common.http.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * What eBay does before it accepts a destination: {@code GET <endpoint>?challenge_code=<code>}, expecting 200 and
 * {@code {"challengeResponse": hex(SHA-256(code + verificationToken + endpoint))}} (UTF-8, in that order). Blocking;
 * called from a worker thread.
 */
public final class EndpointChallenge {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final HttpClient http;
    private final Duration timeout;

    public EndpointChallenge(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Whether the endpoint answered the challenge for this token; any error, status or wrong hash is a failure. */
    public boolean passes(String endpoint, String verificationToken) {
        String code = HexFormat.of().formatHex(randomBytes());
        String url = endpoint + (endpoint.contains("?") ? "&" : "?") + "challenge_code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode body = Json.parseOrNull(response.body());
            return body != null && expected(code, verificationToken, endpoint)
                    .equals(body.path("challengeResponse").asText(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception unreachable) {
            return false;
        }
    }

    static String expected(String code, String verificationToken, String endpoint) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((code + verificationToken + endpoint).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

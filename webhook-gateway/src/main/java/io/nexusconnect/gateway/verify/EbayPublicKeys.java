package io.nexusconnect.gateway.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.gateway.connections.GatewayConnection;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * eBay's notification signing keys, fetched with the Notification API {@code getPublicKey}
 * ({@code GET /commerce/notification/v1/public_key/{kid}}, application token of scope
 * {@code https://api.ebay.com/oauth/api_scope}) and cached per key id for {@code ttl} (eBay recommends about an hour).
 * Application tokens (client credentials of the connection's keyset) are cached until shortly before they expire.
 */
public class EbayPublicKeys {
    static final String SCOPE = "https://api.ebay.com/oauth/api_scope";

    /** A key and the JCA algorithm it verifies with, e.g. {@code SHA1withECDSA}. */
    public record SigningKey(PublicKey key, String signatureAlgorithm, Instant fetchedAt) {
    }

    private record Token(String value, Instant expiresAt) {
    }

    private final HttpClient http;
    private final Map<String, String> baseUrls;
    private final Clock clock;
    private final Duration ttl;
    private final Duration timeout;
    private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /** @param baseUrls API base per environment ({@code production}, {@code sandbox}) */
    public EbayPublicKeys(HttpClient http, Map<String, String> baseUrls, Clock clock, Duration ttl, Duration timeout) {
        this.http = http;
        this.baseUrls = Map.copyOf(baseUrls);
        this.clock = clock;
        this.ttl = ttl;
        this.timeout = timeout;
    }

    /** The key of {@code kid}, or empty when eBay does not know it (a forged header). */
    public Optional<SigningKey> key(String kid, GatewayConnection connection) {
        String environment = "sandbox".equals(connection.property("environment")) ? "sandbox" : "production";
        String cacheKey = environment + "/" + kid;
        SigningKey cached = keys.get(cacheKey);
        if (cached != null && cached.fetchedAt().plus(ttl).isAfter(clock.instant())) {
            return Optional.of(cached);
        }
        Optional<SigningKey> fetched = fetch(kid, environment, connection);
        fetched.ifPresent(key -> keys.put(cacheKey, key));
        return fetched;
    }

    private Optional<SigningKey> fetch(String kid, String environment, GatewayConnection connection) {
        String base = baseUrls.get(environment);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/commerce/notification/v1/public_key/"
                        + URLEncoder.encode(kid, StandardCharsets.UTF_8)))
                .timeout(timeout)
                .header("Authorization", "Bearer " + applicationToken(base, connection))
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new VerificationUnavailable("eBay getPublicKey answered " + response.statusCode(), null);
        }
        JsonNode body = readJson(response.body());
        String algorithm = body.path("algorithm").asText("ECDSA");
        String digest = body.path("digest").asText("SHA1");
        try {
            byte[] der = Base64.getMimeDecoder().decode(pemBody(body.path("key").asText()));
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            return Optional.of(new SigningKey(key, digest.replace("-", "") + "with" + algorithm, clock.instant()));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new VerificationUnavailable("eBay getPublicKey returned a key that cannot be read", e);
        }
    }

    /** The key's base64 between the PEM armour; eBay sends it on one line, without the line breaks PEM has. */
    static String pemBody(String pem) {
        return pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
    }

    private String applicationToken(String base, GatewayConnection connection) {
        String appId = connection.secrets().get("appId");
        String certId = connection.secrets().get("certId");
        if (appId == null || certId == null) {
            throw new VerificationUnavailable("connection " + connection.connectionId() + " has no eBay keyset to fetch keys with", null);
        }
        String cacheKey = base + "/" + appId;
        Token token = tokens.get(cacheKey);
        if (token != null && token.expiresAt().isAfter(clock.instant().plusSeconds(60))) {
            return token.value();
        }
        String basic = Base64.getEncoder().encodeToString((appId + ":" + certId).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/identity/v1/oauth2/token"))
                .timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new VerificationUnavailable("eBay application token request answered " + response.statusCode(), null);
        }
        JsonNode body = readJson(response.body());
        Token fresh = new Token(body.path("access_token").asText(), clock.instant().plusSeconds(body.path("expires_in").asLong(7200)));
        tokens.put(cacheKey, fresh);
        return fresh.value();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VerificationUnavailable("eBay unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerificationUnavailable("interrupted while asking eBay", e);
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new VerificationUnavailable("eBay answered something that is not JSON", e);
        }
    }
}

package io.nexusconnect.adapterkit.client;

import io.nexusconnect.adapterkit.client.signing.Signatures;
import io.nexusconnect.adapterkit.testkit.ManualTime;
import io.nexusconnect.adapterkit.testkit.ScriptedServer;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignerTest {
    private static final String CLIENT_KEY = "a".repeat(32);
    private static final String SECRET_KEY = "b".repeat(64);
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");
    private final Vertx vertx = Vertx.vertx();
    private final ScriptedServer server = new ScriptedServer();

    /** Kaufland Seller API v2: hex HMAC-SHA256 over METHOD\nURL\nBODY\nTIMESTAMP (https://sellerapi.kaufland.com/?page=rest-api). */
    private static final RequestSigner KAUFLAND = (attempt, clock) -> {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return Map.of("Shop-Client-Key", CLIENT_KEY, "Shop-Timestamp", timestamp,
                "Shop-Signature", kauflandSignature(attempt.method(), attempt.url(), attempt.bodyText(), timestamp));
    };

    private static String kauflandSignature(String method, String url, String body, String timestamp) {
        return Signatures.hmacSha256Hex(SECRET_KEY, method + "\n" + url + "\n" + body + "\n" + timestamp);
    }

    @AfterEach
    void close() {
        server.close();
        vertx.closeAndAwait();
    }

    private MarketplaceHttpClient client() {
        return MarketplaceHttpClient.builder(vertx).clock(time).sleeper(time).random(new Random(11))
                .retryPolicy(new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2),
                        Duration.ofSeconds(5)))
                .limit("patchUnit", 1, 1)
                .build();
    }

    @Test
    @DisplayName("A retry after backoff is signed again with a fresh timestamp, over the URL and body exactly as the server received them")
    void retrySignedAgain() {
        // given Kaufland answers 503 once, then 200
        server.then(503, Map.of(), "busy").then(200, Map.of(), "{}");
        MarketplaceRequest request = MarketplaceRequest.method("PATCH", "updateUnit", "seller-1",
                        URI.create(server.url("/v2/units/123")))
                .query("storefront", "de").query("embedded", "category,units").query("note", "a b/ü")
                .body("application/json", "{\"amount\":10}")
                .signer(KAUFLAND)
                .build();

        // when the client sends it
        try (MarketplaceHttpClient client = client()) {
            client.call(request);
        }

        // then both attempts were signed, the second with a later timestamp (after the backoff) and its own signature
        List<ScriptedServer.Received> attempts = server.received();
        assertThat(attempts).hasSize(2);
        assertThat(time.sleeps()).hasSize(1);
        long first = Long.parseLong(attempts.get(0).header("Shop-Timestamp"));
        long second = Long.parseLong(attempts.get(1).header("Shop-Timestamp"));
        assertThat(second).isGreaterThan(first);
        assertThat(attempts.get(0).header("Shop-Signature")).isNotEqualTo(attempts.get(1).header("Shop-Signature"));
        // and each signature verifies against what the server saw: method, full URL with query, body, timestamp
        for (ScriptedServer.Received attempt : attempts) {
            assertThat(attempt.uri()).isEqualTo("/v2/units/123?storefront=de&embedded=category%2Cunits&note=a%20b%2F%C3%BC");
            assertThat(attempt.header("Shop-Signature")).isEqualTo(kauflandSignature(attempt.method(),
                    server.baseUrl() + attempt.uri(), attempt.body(), attempt.header("Shop-Timestamp")));
            assertThat(attempt.header("Shop-Client-Key")).isEqualTo(CLIENT_KEY);
        }
    }

    @Test
    @DisplayName("A call that waits for its rate-limit bucket is signed after the wait, not before")
    void signedAfterRateLimitWait() {
        // given an operation limited to 1 call per second, burst 1
        server.then(200, Map.of(), "{}");
        try (MarketplaceHttpClient client = client()) {
            MarketplaceRequest request = MarketplaceRequest.get("patchUnit", "seller-1", URI.create(server.url("/v2/status/ping")))
                    .signer(KAUFLAND).build();

            // when two calls go back to back
            client.call(request);
            client.call(request);
        }

        // then the second waited a second and its timestamp is a second later
        List<ScriptedServer.Received> calls = server.received();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThat(Long.parseLong(calls.get(1).header("Shop-Timestamp")) - Long.parseLong(calls.get(0).header("Shop-Timestamp")))
                .isEqualTo(1);
        assertThat(calls.get(0).body()).isEmpty();
    }

    @Test
    @DisplayName("Walmart's legacy SHA256withRSA signature is made per attempt and verifies with the public key")
    void walmartLegacyRsa() throws Exception {
        // given a consumer key pair and a Walmart-legacy signer (consumerId\nURL\nMETHOD\ntimestamp\n, epoch millis)
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pkcs8 = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        String consumerId = "consumer-1";
        RequestSigner walmart = (attempt, clock) -> {
            String timestamp = Long.toString(clock.millis());
            String signed = consumerId + "\n" + attempt.url() + "\n" + attempt.method() + "\n" + timestamp + "\n";
            return Map.of("WM_CONSUMER.ID", consumerId, "WM_SEC.TIMESTAMP", timestamp,
                    "WM_SEC.AUTH_SIGNATURE", Signatures.rsaSha256Base64(Signatures.rsaPrivateKey(pkcs8), signed));
        };
        server.then(500, Map.of(), "{}").then(200, Map.of(), "{}");

        // when a call is sent and retried once
        try (MarketplaceHttpClient client = client()) {
            client.call(MarketplaceRequest.get("getOrders", "seller-1", URI.create(server.url("/v3/orders")))
                    .queryString("?limit=100&hasMoreElements=true&soIndex=2&poIndex=7").signer(walmart).build());
        }

        // then both attempts carry a signature that verifies over what the server received
        assertThat(server.received()).hasSize(2).allSatisfy(attempt -> {
            String signed = consumerId + "\n" + server.baseUrl() + attempt.uri() + "\n" + attempt.method() + "\n"
                    + attempt.header("WM_SEC.TIMESTAMP") + "\n";
            assertThat(Signatures.rsaSha256Verify(keys.getPublic(), signed, attempt.header("WM_SEC.AUTH_SIGNATURE"))).isTrue();
            assertThat(attempt.uri()).isEqualTo("/v3/orders?limit=100&hasMoreElements=true&soIndex=2&poIndex=7");
        });
        assertThat(server.received().get(0).header("WM_SEC.TIMESTAMP"))
                .isNotEqualTo(server.received().get(1).header("WM_SEC.TIMESTAMP"));
    }
}

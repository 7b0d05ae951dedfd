package io.nexusconnect.adapterkit.client;

import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.testkit.ManualTime;
import io.nexusconnect.adapterkit.testkit.ScriptedServer;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketplaceHttpClientTest {
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");
    private final Vertx vertx = Vertx.vertx();
    private final ScriptedServer server = new ScriptedServer();

    @AfterEach
    void close() {
        server.close();
        vertx.closeAndAwait();
    }

    private MarketplaceHttpClient.Builder client() {
        return MarketplaceHttpClient.builder(vertx).clock(time).sleeper(time).random(new Random(7))
                .requestIdHeader("x-amzn-RequestId")
                .retryPolicy(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2),
                        Duration.ofSeconds(5)));
    }

    private MarketplaceRequest getOrders() {
        return MarketplaceRequest.get("getOrders", "seller-1", URI.create(server.url("/orders/v0/orders")))
                .query("MarketplaceIds", "ATVPDKIKX0DER").build();
    }

    @Test
    @DisplayName("A 429 with Retry-After in seconds is retried after exactly that wait, and the answer after it is returned")
    void retryAfterSecondsHonoured() {
        // given the marketplace throttles once, asking for 7 s
        server.then(429, Map.of("Retry-After", "7", "x-amzn-RequestId", "req-1"), "{\"errors\":[{\"code\":\"QuotaExceeded\"}]}")
                .then(200, Map.of("x-amzn-RequestId", "req-2"), "{\"payload\":{}}");

        // when the client calls
        MarketplaceResponse response = client().build().call(getOrders());

        // then it waited 7 s once, and answers the second response with its request id
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.requestId()).contains("req-2");
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.hits()).isEqualTo(2);
    }

    @Test
    @DisplayName("A Retry-After given as an HTTP date is waited until that date")
    void retryAfterHttpDateHonoured() {
        // given a 503 asking to come back 90 s from now
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(time.instant().plusSeconds(90),
                java.time.ZoneOffset.UTC));
        server.then(503, Map.of("Retry-After", at), "down").then(200, Map.of(), "{}");

        // when the client calls
        client().build().call(getOrders());

        // then it waited those 90 s
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    @DisplayName("A Retry-After beyond the maximum total wait ends the retries and surfaces as RATE_LIMITED with the wait")
    void retryAfterBeyondMaxWaitIsReported() {
        // given a throttle for one hour, longer than the 2-minute budget
        server.then(429, Map.of("Retry-After", "3600"), "{\"errors\":[]}");

        // when the client calls, then it does not wait and reports the throttling with its Retry-After
        assertThatThrownBy(() -> client().build().call(getOrders()))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                    assertThat(e.rawResponse()).isEqualTo("{\"errors\":[]}");
                });
        assertThat(time.sleeps()).isEmpty();
        assertThat(server.hits()).isEqualTo(1);
    }

    @Test
    @DisplayName("Persistent 500s are retried with jittered backoff up to the attempt limit, each wait within its ceiling")
    void serverErrorsBackOffWithJitter() {
        // given a marketplace that keeps failing
        server.then(500, Map.of(), "{\"errors\":[{\"code\":\"InternalFailure\"}]}");

        // when the client calls
        MarketplaceResponse response = client().build().send(getOrders());

        // then 5 attempts were made and the 4 waits lie under 1, 2, 4 and 8 s
        assertThat(server.hits()).isEqualTo(5);
        assertThat(response.status()).isEqualTo(500);
        assertThat(time.sleeps()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(time.sleeps().get(i)).isBetween(Duration.ZERO, Duration.ofSeconds(1L << i));
        }
    }

    @Test
    @DisplayName("A 400 or 403 is not retried: it is the caller's or the seller's problem, not a transient one")
    void nonRetryableNotRetried() {
        // given a 403
        server.then(403, Map.of(), "{\"errors\":[{\"code\":\"Unauthorized\"}]}");

        // when the client calls with a classifier
        ErrorClassifier classifier = (operation, r) -> new ErrorClassifier.Classification(ErrorCode.SCOPE_MISSING, "denied");
        assertThatThrownBy(() -> client().classifier(classifier).build().call(getOrders()))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING));

        // then it was sent once, with no wait
        assertThat(server.hits()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    @DisplayName("The operation's bucket paces calls, and the marketplace's rate header replaces the documented rate")
    void bucketPacesAndFollowsRateHeader() {
        // given getOrders limited to 1 rps, burst 2, and a marketplace announcing 0.5 rps
        server.then(200, Map.of("x-amzn-RateLimit-Limit", "0.5"), "{}");
        MarketplaceHttpClient client = client().limit("getOrders", 1.0, 2)
                .rateHeaderHook(RateHeaderHook.header("x-amzn-RateLimit-Limit")).build();

        // when four calls are made back to back
        for (int i = 0; i < 4; i++) {
            client.call(getOrders());
        }

        // then the burst of two went at once and the next ones waited at the announced rate
        assertThat(client.rateLimiter().bucket("seller-1", "getOrders").orElseThrow().ratePerSecond()).isEqualTo(0.5);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("An unreachable host is retried, then reported as MARKETPLACE_UNAVAILABLE, and repeated failures open the circuit")
    void connectionErrorsAndCircuit() throws Exception {
        // given a port nobody listens on
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        MarketplaceHttpClient client = client().retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofSeconds(2))).circuitBreaker(3, Duration.ofSeconds(30)).build();
        MarketplaceRequest request = MarketplaceRequest.get("getOrders", "seller-1",
                URI.create("http://127.0.0.1:" + freePort + "/orders")).build();

        // when the client calls, then it gives up after 3 attempts as MARKETPLACE_UNAVAILABLE
        assertThatThrownBy(() -> client.call(request))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("could not be reached after 3 attempts");
                });

        // and the next call is refused by the open circuit without touching the network
        assertThatThrownBy(() -> client.call(request))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> assertThat(e.getMessage()).contains("circuit open"));
        assertThat(client.breaker("127.0.0.1:" + freePort).state()).isInstanceOf(CircuitBreaker.Open.class);
    }
}

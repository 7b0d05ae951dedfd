package io.nexusconnect.adapterkit.auth.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.auth.AccessToken;
import io.nexusconnect.adapterkit.auth.AccessTokenCache;
import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.QueryStrings;
import io.nexusconnect.adapterkit.client.RetryPolicy;
import io.nexusconnect.adapterkit.credentials.Secret;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.testkit.ManualTime;
import io.nexusconnect.adapterkit.testkit.ScriptedServer;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OAuth2TokenClientTest {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");
    private final Vertx vertx = Vertx.vertx();
    private final ScriptedServer server = new ScriptedServer();
    private final AccessTokenCache cache = new AccessTokenCache(time, Duration.ofSeconds(60));
    private final MarketplaceHttpClient http = MarketplaceHttpClient.builder(vertx).clock(time).sleeper(time)
            .random(new Random(3)).retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10),
                    Duration.ofMinutes(1), Duration.ofSeconds(2))).build();
    private final OAuth2Grant.RefreshToken refreshGrant = OAuth2Grant.refreshToken(new Secret("app-id"),
            new Secret("app-secret+/="), new Secret("Atzr|refresh&token"));
    private final OAuth2Grant.ClientCredentials clientGrant = OAuth2Grant.clientCredentials(new Secret("client-1"),
            new Secret("s3cret"), "sellingpartnerapi::notifications");

    @AfterEach
    void close() {
        http.close();
        server.close();
        vertx.closeAndAwait();
    }

    private OAuth2TokenClient client(OAuth2Endpoint endpoint) {
        return new OAuth2TokenClient(endpoint, http, cache, time);
    }

    private URI tokenUrl() {
        return URI.create(server.url("/auth/o2/token"));
    }

    private static Map<String, String> form(String body) {
        return QueryStrings.parse(body).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    @DisplayName("A refresh-token grant with the client in the body posts the RFC form and yields a token expiring after expires_in")
    void refreshGrantInBodyForm() {
        // given a token endpoint answering a one-hour token
        server.then(200, JSON, "{\"access_token\":\"Atza|one\",\"token_type\":\"bearer\",\"expires_in\":3600}");

        // when a token is asked for
        AccessToken token = client(OAuth2Endpoint.bodyForm("Login with Amazon", tokenUrl())).token("cred-1", refreshGrant);

        // then the form carried grant, refresh token and client, decoded exactly, and no Authorization header
        assertThat(token.value()).isEqualTo("Atza|one");
        assertThat(token.expiresAt()).isEqualTo(time.instant().plusSeconds(3600));
        ScriptedServer.Received request = server.received().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.header("Authorization")).isNull();
        assertThat(form(request.body())).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "refresh_token",
                "refresh_token", "Atzr|refresh&token", "client_id", "app-id", "client_secret", "app-secret+/="));
    }

    @Test
    @DisplayName("A client-credentials grant with HTTP Basic sends id:secret in the header, the scope in the form, and the endpoint's extra headers")
    void clientCredentialsBasicWithScope() {
        // given a Walmart-like endpoint that wants WM_SVC.NAME and Basic client authentication
        server.then(200, JSON, "{\"access_token\":\"wm-token\",\"token_type\":\"Bearer\",\"expires_in\":900}");
        OAuth2Endpoint endpoint = OAuth2Endpoint.basicForm("Walmart", tokenUrl()).withHeader("WM_SVC.NAME", "Walmart Marketplace");

        // when a token is asked for
        AccessToken token = client(endpoint).token("cred-2", clientGrant);

        // then Basic carries the client, the body only grant and scope, and the token lives 15 minutes
        ScriptedServer.Received request = server.received().getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("client-1:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("WM_SVC.NAME")).isEqualTo("Walmart Marketplace");
        assertThat(form(request.body())).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "client_credentials",
                "scope", "sellingpartnerapi::notifications"));
        assertThat(token.expiresAt()).isEqualTo(time.instant().plusSeconds(900));
    }

    @Test
    @DisplayName("A JSON-encoded endpoint gets the grant as a JSON object")
    void jsonEncoding() throws Exception {
        // given an endpoint that takes JSON, answering expires_in as a string
        server.then(200, JSON, "{\"access_token\":\"t\",\"expires_in\":\"120\"}");
        OAuth2Endpoint endpoint = OAuth2Endpoint.bodyForm("LWA", tokenUrl()).withEncoding(OAuth2Endpoint.BodyEncoding.JSON);

        // when a token is fetched
        AccessToken token = client(endpoint).fetch(refreshGrant);

        // then the body is JSON with every parameter, and the string lifetime was understood
        ScriptedServer.Received request = server.received().getFirst();
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = Json.mapper().readTree(request.body());
        assertThat(body.path("grant_type").asText()).isEqualTo("refresh_token");
        assertThat(body.path("refresh_token").asText()).isEqualTo("Atzr|refresh&token");
        assertThat(body.path("client_secret").asText()).isEqualTo("app-secret+/=");
        assertThat(token.expiresAt()).isEqualTo(time.instant().plusSeconds(120));
    }

    @Test
    @DisplayName("A token is cached until shortly before expiry, then refreshed ahead of it; a missing expires_in takes the endpoint's default")
    void cachedAndRefreshedAheadOfExpiry() {
        // given an endpoint whose answers carry no expires_in and a default lifetime of 10 minutes
        server.then(200, JSON, "{\"access_token\":\"first\"}").then(200, JSON, "{\"access_token\":\"second\"}");
        OAuth2TokenClient client = client(OAuth2Endpoint.basicForm("bol", tokenUrl()).withDefaultLifetime(Duration.ofMinutes(10)));

        // when asked three times: now, 8 minutes later, and 9½ minutes later (inside the 60 s refresh skew)
        String a = client.token("cred-3", clientGrant).value();
        time.advance(Duration.ofMinutes(8));
        String b = client.token("cred-3", clientGrant).value();
        time.advance(Duration.ofSeconds(90));
        String c = client.token("cred-3", clientGrant).value();

        // then the first token served twice and a new one was fetched ahead of expiry
        assertThat(List.of(a, b, c)).containsExactly("first", "first", "second");
        assertThat(server.hits()).isEqualTo(2);
    }

    @Test
    @DisplayName("A call answered TOKEN_EXPIRED is repeated once with a fresh token")
    void expiredTokenRefreshedOnce() {
        // given two tokens in turn
        server.then(200, JSON, "{\"access_token\":\"old\",\"expires_in\":3600}")
                .then(200, JSON, "{\"access_token\":\"new\",\"expires_in\":3600}");
        OAuth2TokenClient client = client(OAuth2Endpoint.bodyForm("LWA", tokenUrl()));

        // when the marketplace rejects the first token as expired
        String used = client.withToken("cred-4", refreshGrant, token -> {
            if (token.value().equals("old")) {
                throw new MarketplaceException(ErrorCode.TOKEN_EXPIRED, "expired");
            }
            return token.value();
        });

        // then the call ran again with the new token
        assertThat(used).isEqualTo("new");
        assertThat(server.hits()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @DisplayName("Token endpoint errors are classified as RFC 6749 §5.2 means them")
    @CsvSource({
            "400, invalid_grant, TOKEN_EXPIRED",
            "401, invalid_client, INVALID_CREDENTIALS",
            "400, unauthorized_client, INVALID_CREDENTIALS",
            "400, invalid_request, INVALID_CREDENTIALS",
            "400, invalid_scope, SCOPE_MISSING",
            "400, unsupported_grant_type, INTERNAL",
            "401, '', INVALID_CREDENTIALS",
            "503, '', MARKETPLACE_UNAVAILABLE",
            "429, '', RATE_LIMITED"})
    void errorsClassified(int status, String error, ErrorCode expected) {
        // given the endpoint answers that error (every time, so retries of 429/5xx end the same way)
        String body = error.isEmpty() ? "oops" : "{\"error\":\"" + error + "\",\"error_description\":\"said the server\"}";
        server.then(status, JSON, body);

        // when a token is fetched, then the classification is the expected one and names the endpoint
        assertThatThrownBy(() -> client(OAuth2Endpoint.basicForm("eBay", tokenUrl())).fetch(refreshGrant))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> {
                    assertThat(e.code()).isEqualTo(expected);
                    assertThat(e.getMessage()).startsWith("eBay").doesNotContain("refresh&token", "app-secret");
                    assertThat(e.httpStatus()).isEqualTo(status);
                });
    }

    @Test
    @DisplayName("invalid_grant carries the Reconnect resolution, since the seller must authorise again")
    void invalidGrantAsksForReconnect() {
        // given the refresh token was revoked
        server.then(400, JSON, "{\"error\":\"invalid_grant\",\"error_description\":\"The request has an invalid grant parameter\"}");

        // when a token is fetched, then the sync error says Reconnect
        assertThatThrownBy(() -> client(OAuth2Endpoint.bodyForm("Login with Amazon", tokenUrl())).fetch(refreshGrant))
                .isInstanceOfSatisfying(MarketplaceException.class, e ->
                        assertThat(e.toSyncError().code().resolution()).contains("Reconnect"));
    }

    @Test
    @DisplayName("A 5xx is retried by the HTTP client before the token request gives up as transient")
    void serverErrorRetriedThenTransient() {
        // given a token endpoint that fails once and then answers
        server.then(502, Map.of(), "bad gateway").then(200, JSON, "{\"access_token\":\"after-retry\",\"expires_in\":60}");

        // when a token is fetched, then the retry got it
        assertThat(client(OAuth2Endpoint.basicForm("bol", tokenUrl())).fetch(clientGrant).value()).isEqualTo("after-retry");
        assertThat(server.hits()).isEqualTo(2);
    }

    @Test
    @DisplayName("An unreachable token endpoint is transient (MARKETPLACE_UNAVAILABLE)")
    void unreachableIsTransient() throws Exception {
        // given a port nobody listens on
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OAuth2Endpoint endpoint = OAuth2Endpoint.basicForm("Zalando", URI.create("http://127.0.0.1:" + port + "/auth/token"));

        // when a token is fetched, then the failure is retryable
        assertThatThrownBy(() -> client(endpoint).fetch(clientGrant))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
                    assertThat(e.code().retryable()).isTrue();
                });
    }

    @Test
    @DisplayName("A success answer without access_token is malformed and its body, which may hold secrets, is withheld")
    void malformedSuccessWithheld() {
        // given a 200 that is not a token answer
        server.then(200, JSON, "{\"refresh_token\":\"Atzr|leak\"}");

        // when a token is fetched, then it is MALFORMED_RESPONSE without the body
        assertThatThrownBy(() -> client(OAuth2Endpoint.bodyForm("LWA", tokenUrl())).fetch(refreshGrant))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RESPONSE);
                    assertThat(e.rawResponse()).doesNotContain("Atzr|leak").contains("withheld");
                });
    }

    @Test
    @DisplayName("Two grants of one credential (refresh and a scoped client-credentials) are cached apart")
    void grantsCachedApart() {
        // given two different tokens
        server.then(200, JSON, "{\"access_token\":\"seller\",\"expires_in\":3600}")
                .then(200, JSON, "{\"access_token\":\"grantless\",\"expires_in\":3600}");
        OAuth2TokenClient client = client(OAuth2Endpoint.bodyForm("LWA", tokenUrl()));

        // when both are asked for under one credential key, twice
        client.token("cred-5", refreshGrant);
        client.token("cred-5", clientGrant);

        // then each grant has its own token, and asking again costs no call
        assertThat(client.token("cred-5", refreshGrant).value()).isEqualTo("seller");
        assertThat(client.token("cred-5", clientGrant).value()).isEqualTo("grantless");
        assertThat(server.hits()).isEqualTo(2);
    }
}

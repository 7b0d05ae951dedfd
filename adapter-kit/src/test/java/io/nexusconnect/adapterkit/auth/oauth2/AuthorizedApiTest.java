package io.nexusconnect.adapterkit.auth.oauth2;

import io.nexusconnect.adapterkit.auth.AccessTokenCache;
import io.nexusconnect.adapterkit.client.CallPacer;
import io.nexusconnect.adapterkit.client.MarketplaceApi;
import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.RetryPolicy;
import io.nexusconnect.adapterkit.credentials.Secret;
import io.nexusconnect.adapterkit.errors.ErrorBody;
import io.nexusconnect.adapterkit.errors.HttpErrorClassifier;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.testkit.ManualTime;
import io.nexusconnect.adapterkit.testkit.ScriptedServer;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizedApiTest {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");
    private final Vertx vertx = Vertx.vertx();
    private final ScriptedServer server = new ScriptedServer();
    private final MarketplaceHttpClient http = MarketplaceHttpClient.builder(vertx).clock(time).sleeper(time)
            .random(new Random(5)).retryPolicy(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(5),
                    Duration.ofMinutes(1), Duration.ofSeconds(2)))
            .classifier(HttpErrorClassifier.reading(ErrorBody.fields("title", "detail"))).build();
    private final OAuth2TokenClient tokens = new OAuth2TokenClient(OAuth2Endpoint.basicForm("Example login",
            URI.create(server.url("/token"))), http, new AccessTokenCache(time, Duration.ofSeconds(60)), time);
    private final MarketplaceApi api = new MarketplaceApi("example", "example", Optional.of(URI.create(server.baseUrl())),
            http);
    private final TokenAccount account = new Account("fingerprint-1", OAuth2Grant.clientCredentials(
            new Secret("client"), new Secret("secret"), null));

    private record Account(String rateKey, OAuth2Grant grant) implements TokenAccount {
    }

    /** Records what it is asked and told. */
    private static final class RecordingPacer implements CallPacer {
        final List<String> events = new ArrayList<>();

        @Override
        public void awaitTurn(String accountKey, String operation) {
            events.add("await " + accountKey + " " + operation);
        }

        @Override
        public void observe(String accountKey, String operation, MarketplaceResponse response) {
            events.add("observe " + operation + " " + response.status());
        }
    }

    @AfterEach
    void close() {
        http.close();
        server.close();
        vertx.closeAndAwait();
    }

    @Test
    @DisplayName("A call refused as expired takes a fresh token once, in the marketplace's header, and the pacer sees both answers")
    void freshTokenOnceInOwnHeader() {
        // given a token, an API refusing it with 401, a second token and the API's success
        server.then(200, JSON, "{\"access_token\":\"old\",\"expires_in\":3600}")
                .then(401, JSON, "{\"title\":\"Unauthorized\",\"detail\":\"token expired\"}")
                .then(200, JSON, "{\"access_token\":\"new\",\"expires_in\":3600}")
                .then(200, JSON, "{\"orders\":[]}");
        RecordingPacer pacer = new RecordingPacer();
        AuthorizedApi authorized = new AuthorizedApi(api, tokens, AuthorizedApi.TokenPlacement.header("X-Access-Token"),
                pacer);

        // when orders are read with a declared header
        MarketplaceResponse response = authorized.call(account, "GET", "getOrders", "/orders?page=2",
                request -> request.header("Accept", "application/json"));

        // then the second call carried the new token in the marketplace's header, with the declared one
        assertThat(response.body()).isEqualTo("{\"orders\":[]}");
        List<ScriptedServer.Received> received = server.received();
        assertThat(received).extracting(ScriptedServer.Received::uri)
                .containsExactly("/token", "/orders?page=2", "/token", "/orders?page=2");
        assertThat(received.get(1).header("X-Access-Token")).isEqualTo("old");
        assertThat(received.get(3).header("X-Access-Token")).isEqualTo("new");
        assertThat(received.get(3).header("Authorization")).isNull();
        assertThat(received.get(3).header("Accept")).isEqualTo("application/json");
        assertThat(pacer.events).containsExactly("await fingerprint-1 getOrders", "observe getOrders 401",
                "observe getOrders 200");
    }

    @Test
    @DisplayName("A bearer call answered 4xx is thrown classified, with status and body; a forgotten token is asked for again")
    void classifiedFailureAndForget() {
        // given a token and an API refusing the request
        server.then(200, JSON, "{\"access_token\":\"t1\",\"expires_in\":3600}")
                .then(400, JSON, "{\"title\":\"Bad Request\",\"detail\":\"page must be positive\"}")
                .then(200, JSON, "{\"access_token\":\"t2\",\"expires_in\":3600}")
                .then(200, JSON, "{}");
        AuthorizedApi authorized = new AuthorizedApi(api, tokens);

        // when the call is made, the token forgotten and a call made again
        assertThatThrownBy(() -> authorized.call(account, "GET", "getOrders", "/orders?page=0", request -> request))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> {
                    // then the failure is the classifier's, with the answer
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).isEqualTo("getOrders answered HTTP 400 (Bad Request: page must be positive)");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        authorized.forgetToken(account);
        authorized.call(account, "POST", "putStock", "/stock", request -> request.body("application/json", "{}"));

        // and the bearer tokens were the first and, after forgetting, a new one
        List<ScriptedServer.Received> received = server.received();
        assertThat(received.get(1).header("Authorization")).isEqualTo("Bearer t1");
        assertThat(received.get(2).uri()).isEqualTo("/token");
        assertThat(received.get(3).header("Authorization")).isEqualTo("Bearer t2");
        assertThat(received.get(3).method()).isEqualTo("POST");
    }
}

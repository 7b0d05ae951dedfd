package io.nexusconnect.amazon.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.auth.AccessToken;
import io.nexusconnect.adapterkit.auth.AccessTokenCache;
import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.RetryPolicy;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.config.AmazonConfig;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Login with Amazon: trades the seller's refresh token for a one-hour access token ({@code grant_type=refresh_token}),
 * cached per credential and refreshed ahead of expiry. SP-API needs no SigV4 since 2023-10-02; the access token in
 * {@code x-amz-access-token} is all the authorization a call carries.
 */
@ApplicationScoped
public class LwaClient {
    private final MarketplaceHttpClient http;
    private final AccessTokenCache cache;
    private final URI tokenUrl;
    private final Clock clock;

    LwaClient(Vertx vertx, AmazonConfig config, AccessTokenCache cache, Clock clock, Sleeper sleeper) {
        this.cache = cache;
        this.clock = clock;
        this.tokenUrl = URI.create(config.lwa().tokenUrl());
        this.http = MarketplaceHttpClient.builder(vertx).clock(clock).sleeper(sleeper)
                .speedFactor(config.rateLimit().speedFactor())
                .retryPolicy(new RetryPolicy(config.http().maxAttempts(), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        config.http().maxRetryWait(), config.http().requestTimeout()))
                .classifier(new LwaErrorClassifier())
                .build();
    }

    /** Runs {@code call} with the account's access token; an answer that the token expired refreshes it once. */
    public <T> T withToken(AmazonAccount account, Function<AccessToken, T> call) {
        return cache.withToken(account.tokenKey(), () -> fetch(account), call);
    }

    /** Forgets the account's cached access token; the next call trades the refresh token again. */
    public void forget(AmazonAccount account) {
        cache.forget(account.tokenKey());
    }

    AccessToken fetch(AmazonAccount account) {
        String form = "grant_type=refresh_token"
                + "&refresh_token=" + encode(account.refreshToken().reveal())
                + "&client_id=" + encode(account.clientId().reveal())
                + "&client_secret=" + encode(account.clientSecret().reveal());
        MarketplaceRequest request = MarketplaceRequest.method("POST", "lwaToken", account.rateKey(), tokenUrl)
                .header("Accept", "application/json")
                .body("application/x-www-form-urlencoded;charset=UTF-8", form)
                .build();
        MarketplaceResponse response = http.call(request);
        JsonNode body;
        try {
            body = response.json();
        } catch (MarketplaceException e) {
            throw redacted("Login with Amazon answered a body that is not JSON", response);
        }
        String token = body.path("access_token").asText("");
        long expiresIn = body.path("expires_in").asLong(3600);
        if (token.isEmpty()) {
            throw redacted("Login with Amazon answered without an access_token", response);
        }
        return new AccessToken(token, clock.instant().plusSeconds(expiresIn));
    }

    /** A token endpoint answer may hold tokens, so its body never goes into the sync history. */
    private static MarketplaceException redacted(String message, MarketplaceResponse response) {
        return new MarketplaceException(ErrorCode.MALFORMED_RESPONSE, message, response.status(),
                "[token endpoint body withheld: it may contain credentials; " + response.body().length() + " characters]",
                response.requestId().orElse(null), null, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}

package io.nexusconnect.adapterkit.auth.oauth2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.auth.AccessToken;
import io.nexusconnect.adapterkit.auth.AccessTokenCache;
import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.QueryStrings;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Access tokens from an OAuth2 token endpoint (RFC 6749 client-credentials and refresh-token grants), cached per
 * credential and grant in the kit's {@link AccessTokenCache} (single flight, refreshed ahead of expiry). Failures are
 * classified by {@link OAuth2ErrorClassifier}; throttling and server errors are retried by the HTTP client first.
 *
 * <p>A rotated refresh token in the answer is not kept: adapters hold no state, and the marketplaces that use the
 * refresh grant here (Amazon LWA, eBay) keep the refresh token valid. A token endpoint's body may hold tokens, so an
 * unreadable success answer is reported without its body.
 */
public final class OAuth2TokenClient {
    /** The operation name of token calls, for rate limits and metrics. */
    public static final String OPERATION = "oauth2Token";

    private final OAuth2Endpoint endpoint;
    private final MarketplaceHttpClient http;
    private final AccessTokenCache cache;
    private final Clock clock;
    private final OAuth2ErrorClassifier classifier;
    private final TokenListener listener;

    /** Told of every token request, for metrics. */
    @FunctionalInterface
    public interface TokenListener {
        TokenListener NONE = (endpoint, grantType, outcome) -> { };

        void tokenRequested(String endpointName, String grantType, String outcome);
    }

    public OAuth2TokenClient(OAuth2Endpoint endpoint, MarketplaceHttpClient http, AccessTokenCache cache, Clock clock) {
        this(endpoint, http, cache, clock, TokenListener.NONE);
    }

    public OAuth2TokenClient(OAuth2Endpoint endpoint, MarketplaceHttpClient http, AccessTokenCache cache, Clock clock,
                             TokenListener listener) {
        this.endpoint = endpoint;
        this.http = http;
        this.cache = cache;
        this.clock = clock;
        this.classifier = new OAuth2ErrorClassifier(endpoint.name());
        this.listener = listener;
    }

    public OAuth2Endpoint endpoint() {
        return endpoint;
    }

    /**
     * The cached token for this credential and grant, fetched when missing or about to expire. {@code credentialKey}
     * must change when the credential does ({@code ConnectionCredentials.fingerprint()}).
     */
    public AccessToken token(String credentialKey, OAuth2Grant grant) {
        return cache.get(cacheKey(credentialKey, grant), () -> fetch(grant));
    }

    /** Runs {@code call} with a token; a TOKEN_EXPIRED answer from the marketplace refreshes it once. */
    public <T> T withToken(String credentialKey, OAuth2Grant grant, Function<AccessToken, T> call) {
        return cache.withToken(cacheKey(credentialKey, grant), () -> fetch(grant), call);
    }

    /** Forgets the cached token (a reconnect: the seller may have re-authorised; an older token must not be reused). */
    public void forget(String credentialKey, OAuth2Grant grant) {
        cache.forget(cacheKey(credentialKey, grant));
    }

    /** One token request, uncached. */
    public AccessToken fetch(OAuth2Grant grant) {
        MarketplaceResponse response;
        try {
            response = http.send(request(grant));
        } catch (MarketplaceException unreachable) {
            listener.tokenRequested(endpoint.name(), grant.grantType(), unreachable.code().json());
            throw unreachable;
        }
        if (!response.isSuccess()) {
            MarketplaceException failure = classifier.toException(OPERATION, response);
            listener.tokenRequested(endpoint.name(), grant.grantType(), failure.code().json());
            throw failure;
        }
        AccessToken token = read(response);
        listener.tokenRequested(endpoint.name(), grant.grantType(), "success");
        return token;
    }

    private MarketplaceRequest request(OAuth2Grant grant) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", grant.grantType());
        if (grant instanceof OAuth2Grant.RefreshToken refresh) {
            params.put("refresh_token", refresh.refreshToken().reveal());
        }
        if (grant.scope() != null && !grant.scope().isBlank()) {
            params.put("scope", grant.scope());
        }
        MarketplaceRequest.Builder request = MarketplaceRequest.method("POST", OPERATION, endpoint.tokenUrl().getHost(),
                        endpoint.tokenUrl())
                .header("Accept", "application/json")
                .signer(endpoint.perAttemptHeaders());
        endpoint.headers().forEach(request::header);
        if (endpoint.clientAuthentication() == OAuth2Endpoint.ClientAuthentication.BASIC) {
            // as the marketplaces document it: base64(client_id:client_secret), the parts not form-encoded first
            String pair = grant.clientId().reveal() + ":" + grant.clientSecret().reveal();
            request.secretHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            params.put("client_id", grant.clientId().reveal());
            params.put("client_secret", grant.clientSecret().reveal());
        }
        return switch (endpoint.encoding()) {
            case FORM -> request.body("application/x-www-form-urlencoded;charset=UTF-8", form(params)).build();
            case JSON -> request.body("application/json;charset=UTF-8", json(params)).build();
        };
    }

    private AccessToken read(MarketplaceResponse response) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (JsonProcessingException e) {
            throw redacted("a body that is not JSON", response);
        }
        if (body == null || !body.path("access_token").isTextual() || body.path("access_token").asText().isBlank()) {
            throw redacted("an answer without an access_token", response);
        }
        // expires_in is a number by the RFC; some servers send it as a string
        JsonNode expiresIn = body.path("expires_in");
        Duration lifetime = endpoint.defaultLifetime();
        if (expiresIn.isNumber() || (expiresIn.isTextual() && expiresIn.asText().matches("\\d+"))) {
            lifetime = Duration.ofSeconds(expiresIn.asLong());
        }
        return new AccessToken(body.path("access_token").asText(), clock.instant().plus(lifetime));
    }

    private MarketplaceException redacted(String what, MarketplaceResponse response) {
        return new MarketplaceException(ErrorCode.MALFORMED_RESPONSE, endpoint.name() + " answered " + what,
                response.status(), "[token endpoint body withheld: it may contain credentials; "
                + response.body().length() + " characters]", response.requestId().orElse(null), null, null);
    }

    private static String cacheKey(String credentialKey, OAuth2Grant grant) {
        return credentialKey + "|" + grant.grantType() + "|" + (grant.scope() == null ? "" : grant.scope());
    }

    private static String form(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, value) -> pairs.add(QueryStrings.encode(name) + "=" + QueryStrings.encode(value)));
        return String.join("&", pairs);
    }

    private static String json(Map<String, String> params) {
        ObjectNode node = Json.mapper().createObjectNode();
        params.forEach(node::put);
        return node.toString();
    }
}

package io.nexusconnect.sims.ebay.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.http.GatewayDispatch;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /identity/v1/oauth2/token} with {@code grant_type=refresh_token} (a user token: the scopes asked for, the
 * consented ones or fewer) or {@code client_credentials} (an application token, public scope): HTTP Basic client
 * credentials and a form body. Answers {@code {access_token, expires_in, token_type}} or
 * eBay's {@code {error, error_description}}. Sources in BEHAVIOR.md.
 */
public final class OAuthEndpoint implements Handler<RoutingContext> {
    static final String INVALID_GRANT =
            "the provided authorization refresh token is invalid or was issued to another client";

    private final Map<String, String> clientSecrets;
    private final EbayTokens tokens;
    private final Handler<RoutingContext> dispatched;

    public OAuthEndpoint(Map<String, String> clientSecrets, EbayTokens tokens, Faults faults, RequestLog log,
                         Vertx vertx) {
        this.clientSecrets = Map.copyOf(clientSecrets);
        this.tokens = tokens;
        this.dispatched = new GatewayDispatch(vertx, faults, log).route(
                GatewayDispatch.Operation.tokenEndpoint(EbaySimulator.OAUTH_TOKEN),
                (ctx, fault) -> fault.flatMap(this::injected).orElseGet(() -> answer(ctx)),
                () -> error(500, "server_error", "There was a problem with an eBay internal system or process."),
                GatewayDispatch.Delivery.AS_IS);
    }

    @Override
    public void handle(RoutingContext ctx) {
        dispatched.handle(ctx);
    }

    private Optional<SimResponse> injected(Fault fault) {
        return switch (fault) {
            case Fault.InvalidGrant g -> Optional.of(error(400, "invalid_grant", INVALID_GRANT));
            case Fault.InvalidClient c -> Optional.of(error(401, "invalid_client", "client authentication failed"));
            case Fault.RateLimit r -> Optional.of(error(429, "temporarily_unavailable",
                    "The request rate limit has been exceeded").withHeader("Retry-After",
                    Long.toString(r.retryAfter().toSeconds())));
            case Fault.ServerError s -> Optional.of(error(s.status(), "server_error",
                    "There was a problem with an eBay internal system or process."));
            default -> Optional.empty();
        };
    }

    private SimResponse answer(RoutingContext ctx) {
        Optional<String[]> client = basicCredentials(ctx.request().getHeader("Authorization"));
        if (client.isEmpty() || !client.get()[1].equals(clientSecrets.get(client.get()[0]))) {
            return error(401, "invalid_client", "client authentication failed");
        }
        String contentType = String.valueOf(ctx.request().getHeader("Content-Type"));
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request", "request is missing a required parameter or malformed.");
        }
        MultiMap form = ctx.request().formAttributes();
        String grantType = form.get("grant_type");
        if (grantType == null) {
            return error(400, "invalid_request", "request is missing a required parameter or malformed.");
        }
        if ("client_credentials".equals(grantType)) {
            return applicationToken(client.get()[0], form.get("scope"));
        }
        if (!"refresh_token".equals(grantType)) {
            return error(400, "unsupported_grant_type", "grant type in request is not supported by the authorization server");
        }
        Optional<EbayTokens.Grant> grant = tokens.grant(form.get("refresh_token"));
        if (grant.isEmpty() || !grant.get().clientId().equals(client.get()[0]) || tokens.expired(grant.get())) {
            return error(400, "invalid_grant", INVALID_GRANT);
        }
        String scope = form.get("scope");
        if (scope == null || scope.isBlank()) {
            return error(400, "invalid_request", "request is missing a required parameter or malformed.");
        }
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        if (!grant.get().scopes().containsAll(asked)) {
            return error(400, "invalid_scope",
                    "the requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client");
        }
        EbayTokens.AccessToken access = tokens.mint(grant.get(), asked);
        ObjectNode body = Json.object().put("access_token", access.token()).put("expires_in", tokens.ttlSeconds())
                .put("token_type", "User Access Token");
        return SimResponse.json(200, body);
    }

    /**
     * The client-credentials grant: an application token for the public scope only
     * (https://developer.ebay.com/api-docs/static/oauth-client-credentials-grant.html).
     */
    private SimResponse applicationToken(String clientId, String scope) {
        if (scope == null || scope.isBlank()) {
            return error(400, "invalid_request", "request is missing a required parameter or malformed.");
        }
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        if (!Set.of(EbayApi.Scopes.BASE).containsAll(asked)) {
            return error(400, "invalid_scope",
                    "the requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client");
        }
        EbayTokens.AccessToken access = tokens.mintApplication(clientId, asked);
        return SimResponse.json(200, Json.object().put("access_token", access.token())
                .put("expires_in", tokens.ttlSeconds()).put("token_type", "Application Access Token"));
    }

    private static Optional<String[]> basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SimResponse error(int status, String error, String description) {
        return SimResponse.json(status, Json.object().put("error", error).put("error_description", description));
    }
}

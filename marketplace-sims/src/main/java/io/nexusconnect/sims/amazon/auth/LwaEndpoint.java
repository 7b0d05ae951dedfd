package io.nexusconnect.sims.amazon.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.amazon.LwaApp;
import io.nexusconnect.sims.amazon.SellerAccount;
import io.nexusconnect.sims.amazon.http.SpApiGateway;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.http.GatewayDispatch;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /auth/o2/token} as Login with Amazon answers it: form or JSON bodies, the {@code refresh_token} and
 * {@code client_credentials} grants, client credentials in the body or as HTTP Basic, and LWA's OAuth error bodies
 * ({@code {"error_description": …, "error": …}}).
 */
public final class LwaEndpoint implements Handler<RoutingContext> {
    public static final Set<String> GRANTLESS_SCOPES =
            Set.of("sellingpartnerapi::notifications", "sellingpartnerapi::migration");
    static final String REVOKED =
            "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.";

    private final Registry registry;
    private final TokenStore tokens;
    private final Handler<RoutingContext> dispatched;

    public LwaEndpoint(Registry registry, TokenStore tokens, Faults faults, RequestLog log, Vertx vertx) {
        this.registry = registry;
        this.tokens = tokens;
        this.dispatched = new GatewayDispatch(vertx, faults, log).route(
                GatewayDispatch.Operation.tokenEndpoint(AmazonSimulator.LWA_TOKEN),
                (ctx, fault) -> fault.flatMap(this::injected).orElseGet(() -> grant(params(ctx))),
                () -> error(500, "server_error", "The authorization server encountered an unexpected condition"),
                (ctx, response) -> SpApiGateway.write(ctx, UUID.randomUUID().toString(),
                        response.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache"),
                        Optional.empty()));
    }

    @Override
    public void handle(RoutingContext ctx) {
        dispatched.handle(ctx);
    }

    private Optional<SimResponse> injected(Fault fault) {
        return switch (fault) {
            case Fault.InvalidGrant g -> Optional.of(error(400, "invalid_grant", REVOKED));
            case Fault.InvalidClient c -> Optional.of(error(401, "invalid_client", "Client authentication failed"));
            case Fault.RateLimit r -> Optional.of(error(429, "slow_down", "The request rate limit has been exceeded")
                    .withHeader("Retry-After", Long.toString(r.retryAfter().toSeconds())));
            case Fault.ServerError s -> Optional.of(error(s.status(), "server_error",
                    "The authorization server encountered an unexpected condition"));
            default -> Optional.empty();
        };
    }

    private SimResponse grant(Map<String, String> params) {
        if (params == null) {
            return error(400, "invalid_request", "Malformed request");
        }
        String grantType = params.get("grant_type");
        if (blank(grantType)) {
            return missing("grant_type");
        }
        if (!grantType.equals("refresh_token") && !grantType.equals("client_credentials")) {
            return error(400, "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server");
        }
        for (String required : new String[]{"client_id", "client_secret"}) {
            if (blank(params.get(required))) {
                return missing(required);
            }
        }
        Optional<LwaApp> app = registry.authenticate(params.get("client_id"), params.get("client_secret"));
        if (app.isEmpty()) {
            return error(401, "invalid_client", "Client authentication failed");
        }
        return grantType.equals("refresh_token") ? refresh(app.get(), params) : grantless(app.get(), params);
    }

    private SimResponse refresh(LwaApp app, Map<String, String> params) {
        String refreshToken = params.get("refresh_token");
        if (blank(refreshToken)) {
            return missing("refresh_token");
        }
        Optional<SellerAccount> seller = registry.authorization(app.clientId(), refreshToken);
        if (seller.isEmpty()) {
            return error(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
        }
        IssuedToken token = tokens.issue(app.clientId(), seller.get().sellingPartnerId(), null);
        ObjectNode body = Json.object().put("access_token", token.token()).put("refresh_token", refreshToken)
                .put("token_type", "bearer").put("expires_in", tokens.ttl().toSeconds());
        return SimResponse.json(200, body).withHeader(SimResponse.CONTENT_TYPE, "application/json;charset=UTF-8");
    }

    private SimResponse grantless(LwaApp app, Map<String, String> params) {
        String scope = params.get("scope");
        if (blank(scope)) {
            return missing("scope");
        }
        if (!GRANTLESS_SCOPES.contains(scope.trim())) {
            return error(400, "invalid_scope", "The request has an invalid parameter : scope");
        }
        IssuedToken token = tokens.issue(app.clientId(), null, scope.trim());
        ObjectNode body = Json.object().put("access_token", token.token()).put("scope", token.scope())
                .put("token_type", "bearer").put("expires_in", tokens.ttl().toSeconds());
        return SimResponse.json(200, body).withHeader(SimResponse.CONTENT_TYPE, "application/json;charset=UTF-8");
    }

    /** Body fields (form or JSON) plus Basic credentials; null when the body cannot be read. */
    private static Map<String, String> params(RoutingContext ctx) {
        Map<String, String> params = new HashMap<>();
        String contentType = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("").toLowerCase();
        if (contentType.startsWith("application/json")) {
            JsonNode body = Json.parseOrNull(ctx.body().asString());
            if (body == null || !body.isObject()) {
                return null;
            }
            body.fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().isValueNode()
                    ? f.getValue().asText() : f.getValue().toString()));
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            ctx.request().formAttributes().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        } else {
            return null;
        }
        basicCredentials(ctx.request().getHeader("Authorization")).ifPresent(pair -> {
            params.putIfAbsent("client_id", pair[0]);
            params.putIfAbsent("client_secret", pair[1]);
        });
        return params;
    }

    private static Optional<String[]> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SimResponse missing(String parameter) {
        return error(400, "invalid_request", "The request is missing a required parameter : " + parameter);
    }

    static SimResponse error(int status, String error, String description) {
        ObjectNode body = Json.object().put("error_description", description).put("error", error);
        return SimResponse.json(status, body).withHeader(SimResponse.CONTENT_TYPE, "application/json;charset=UTF-8");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

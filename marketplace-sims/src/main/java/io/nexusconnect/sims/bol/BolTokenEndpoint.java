package io.nexusconnect.sims.bol;

import io.nexusconnect.sims.common.auth.AccessTokens;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.FaultKind;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** {@code POST /token?grant_type=client_credentials} with HTTP Basic client id and secret (authentication.html). */
final class BolTokenEndpoint {
    static final String OPERATION = "token";

    private final Map<String, String> clients;
    private final AccessTokens tokens;
    private final Faults faults;
    private final RequestLog log;

    BolTokenEndpoint(Map<String, String> clients, AccessTokens tokens, Faults faults, RequestLog log) {
        this.clients = clients;
        this.tokens = tokens;
        this.faults = faults;
        this.log = log;
    }

    void handle(RoutingContext ctx) {
        SimResponse response = answer(ctx);
        response.send(ctx);
        log.record(OPERATION, response.status());
    }

    private SimResponse answer(RoutingContext ctx) {
        Optional<Fault> fault = faults.take(OPERATION, FaultKind.Target.TOKEN_ENDPOINT);
        if (fault.isPresent()) {
            switch (fault.get()) {
                case Fault.RateLimit r -> {
                    return BolProblems.tooManyRequests(r.retryAfter().toSeconds());
                }
                case Fault.ServerError s -> {
                    return BolProblems.serverError(s.status());
                }
                case Fault.InvalidClient c -> {
                    return oauthError(401, "invalid_client");
                }
                case Fault.InvalidGrant g -> {
                    return oauthError(400, "invalid_grant");
                }
                default -> {
                }
            }
        }
        String grant = ctx.queryParams().get("grant_type");
        if (grant == null && ctx.request().getFormAttribute("grant_type") != null) {
            grant = ctx.request().getFormAttribute("grant_type");
        }
        if (!"client_credentials".equals(grant)) {
            return oauthError(400, "unsupported_grant_type");
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return oauthError(401, "invalid_client");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return oauthError(401, "invalid_client");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(colon + 1).equals(clients.get(decoded.substring(0, colon)))) {
            return oauthError(401, "invalid_client");
        }
        SimResponse ok = SimResponse.json(200, Json.object().put("access_token", tokens.issue())
                .put("token_type", "Bearer").put("expires_in", tokens.ttlSeconds()).put("scope", "RETAILER"));
        return fault.isPresent() && fault.get() instanceof Fault.MalformedJson ? ok.garbled() : ok;
    }

    private static SimResponse oauthError(int status, String error) {
        return SimResponse.json(status, Json.object().put("error", error));
    }
}

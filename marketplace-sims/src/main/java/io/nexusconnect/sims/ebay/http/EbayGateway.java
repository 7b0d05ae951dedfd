package io.nexusconnect.sims.ebay.http;

import io.nexusconnect.sims.common.auth.BearerToken;
import io.nexusconnect.sims.common.faults.ApiFaultAnswers;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.http.GatewayDispatch;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.auth.EbayTokens;
import io.nexusconnect.sims.ebay.quota.DailyQuota;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What eBay's API gateway does around every operation: a request id, injected faults, the bearer token check (401
 * errorId 1001), the scope check (403 errorId 1100), the application's daily quota of the API (429 errorId 2001).
 */
public final class EbayGateway {
    /** Decision: eBay answers a request id header; its exact name is not in the specs (BEHAVIOR.md). */
    public static final String REQUEST_ID_HEADER = "X-EBAY-C-REQUEST-ID";

    private final GatewayDispatch dispatch;
    private final EbayTokens tokens;
    private final DailyQuota quota;
    private final Clock clock;
    private final Supplier<String> baseUrl;

    public EbayGateway(Vertx vertx, EbayTokens tokens, DailyQuota quota, Faults faults, RequestLog log, Clock clock,
                       Supplier<String> baseUrl) {
        this.dispatch = new GatewayDispatch(vertx, faults, log);
        this.tokens = tokens;
        this.quota = quota;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The route handler of one operation; {@code write} picks the scopes the operation's spec accepts. */
    public Handler<RoutingContext> route(String operationId, EbayApi api, boolean write, EbayHandler handler) {
        return dispatch.route(GatewayDispatch.Operation.api(operationId), (ctx, fault) -> {
            try {
                return answer(ctx, operationId, api, write, handler, fault);
            } catch (EbayException e) {
                return e.response();
            }
        }, () -> EbayErrors.systemError(api, 500), (ctx, response) -> response.withHeader(REQUEST_ID_HEADER,
                UUID.randomUUID().toString()).send(ctx));
    }

    private SimResponse answer(RoutingContext ctx, String operationId, EbayApi api, boolean write,
                               EbayHandler handler, Optional<Fault> fault) {
        String presented = BearerToken.of(ctx.request().getHeader("Authorization"));
        if (fault.isPresent()) {
            Optional<SimResponse> injected = injected(fault.get(), api, presented);
            if (injected.isPresent()) {
                return injected.get();
            }
        }
        Optional<EbayTokens.AccessToken> token = tokens.live(presented);
        if (token.isEmpty()) {
            return EbayErrors.invalidToken();
        }
        if (Collections.disjoint(token.get().scopes(), api.scopes(write))) {
            return EbayErrors.accessDenied();
        }
        if (!quota.tryAcquire(api, token.get().clientId())) {
            return EbayErrors.tooManyRequests();
        }
        String body = ctx.body() == null ? null : ctx.body().asString();
        boolean rejectSubmission = fault.isPresent() && fault.get() instanceof Fault.InvalidSubmission;
        return handler.handle(new EbayCall(operationId, token.get().userId(), token.get().clientId(), baseUrl.get(), ctx.request().path(),
                ctx.pathParams(), ctx.queryParams(), body, clock.instant(), rejectSubmission));
    }

    private Optional<SimResponse> injected(Fault fault, EbayApi api, String presentedToken) {
        return new ApiFaultAnswers(retryAfter -> EbayErrors.tooManyRequests().withHeader("Retry-After",
                Long.toString(retryAfter.toSeconds())), status -> EbayErrors.systemError(api, status),
                EbayErrors::invalidToken, EbayErrors::accessDenied, EbayErrors::accessDenied)
                .answer(fault, () -> tokens.expire(presentedToken));
    }
}

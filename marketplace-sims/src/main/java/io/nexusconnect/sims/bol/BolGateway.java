package io.nexusconnect.sims.bol;

import io.nexusconnect.sims.common.auth.AccessTokens;
import io.nexusconnect.sims.common.auth.BearerToken;
import io.nexusconnect.sims.common.faults.ApiFaultAnswers;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.http.GatewayDispatch;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.ratelimit.TokenBucket;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What bol's gateway does around every operation: the v10 media type in {@code Accept} (406 otherwise), a live bearer
 * token (401), the operation's rate limit (429 + {@code Retry-After}) with {@code X-RateLimit-*} headers, injected
 * faults.
 */
final class BolGateway {
    static final String JSON_V10 = "application/vnd.retailer.v10+json";
    static final String CSV_V10 = "application/vnd.retailer.v10+csv";

    private static final ApiFaultAnswers FAULT_ANSWERS = new ApiFaultAnswers(
            retryAfter -> BolProblems.tooManyRequests(retryAfter.toSeconds()), BolProblems::serverError,
            BolProblems::unauthorized, () -> BolProblems.of(403, "Forbidden", "The retailer account is not active."),
            () -> BolProblems.of(403, "Forbidden", "The client is not authorized for this resource."));

    private final GatewayDispatch dispatch;
    private final AccessTokens tokens;
    private final Clock clock;
    private final Map<String, BolSimConfig.Limit> limits;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    BolGateway(Vertx vertx, AccessTokens tokens, Faults faults, RequestLog log, Clock clock,
               Map<String, BolSimConfig.Limit> limits) {
        this.dispatch = new GatewayDispatch(vertx, faults, log);
        this.tokens = tokens;
        this.clock = clock;
        this.limits = limits;
    }

    Handler<RoutingContext> route(String operationId, String mediaType, Function<BolCall, SimResponse> handler) {
        return dispatch.route(operationId, (ctx, fault) -> answer(ctx, operationId, mediaType, handler, fault),
                () -> BolProblems.serverError(500));
    }

    private SimResponse answer(RoutingContext ctx, String operationId, String mediaType,
                               Function<BolCall, SimResponse> handler, Optional<Fault> fault) {
        String accept = ctx.request().getHeader("Accept");
        if (accept == null || !accept.contains(mediaType)) {
            return BolProblems.notAcceptable();
        }
        String token = BearerToken.of(ctx.request().getHeader("Authorization"));
        if (fault.isPresent()) {
            Optional<SimResponse> injected = injected(fault.get(), token);
            if (injected.isPresent()) {
                return injected.get();
            }
        }
        if (!tokens.live(token)) {
            return BolProblems.unauthorized();
        }
        Instant now = clock.instant();
        BolSimConfig.Limit limit = limits.getOrDefault(operationId, new BolSimConfig.Limit(1000, java.time.Duration.ofSeconds(1)));
        TokenBucket bucket = buckets.computeIfAbsent(operationId,
                op -> new TokenBucket(limit.perSecond(), limit.requests(), now));
        if (!bucket.tryAcquire(now)) {
            long retryAfter = (long) Math.ceil((1 - bucket.available(now)) / limit.perSecond());
            return withRateHeaders(BolProblems.tooManyRequests(Math.max(1, retryAfter)), limit, bucket, now);
        }
        String body = ctx.body() == null ? null : ctx.body().asString();
        SimResponse response = handler.apply(new BolCall(operationId, ctx.pathParams(), ctx.queryParams(), body, now));
        return withRateHeaders(response, limit, bucket, now);
    }

    private static SimResponse withRateHeaders(SimResponse response, BolSimConfig.Limit limit, TokenBucket bucket,
                                               Instant now) {
        double available = bucket.available(now);
        long reset = (long) Math.ceil((limit.requests() - available) / limit.perSecond());
        return response.withHeader("X-RateLimit-Limit", Integer.toString(limit.requests()))
                .withHeader("X-RateLimit-Remaining", Long.toString((long) Math.floor(available)))
                .withHeader("X-RateLimit-Reset", Long.toString(now.getEpochSecond() + reset));
    }

    private Optional<SimResponse> injected(Fault fault, String token) {
        return FAULT_ANSWERS.answer(fault, () -> tokens.expire(token));
    }
}

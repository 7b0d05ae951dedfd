package io.nexusconnect.sims.walmart;

import io.nexusconnect.sims.common.auth.AccessTokens;
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
 * What Walmart's gateway does around every operation: the required headers ({@code WM_SVC.NAME},
 * {@code WM_QOS.CORRELATION_ID}: 400 without them; {@code WM_SEC.ACCESS_TOKEN}: 401 when missing or not live), the
 * operation's token bucket (429) and its {@code x-current-token-count} / {@code x-next-replenish-time} headers,
 * injected faults. The correlation id is echoed back.
 */
final class WalmartGateway {
    static final String RAW_BODY = "walmart.rawBody";
    static final String ACCESS_TOKEN = "WM_SEC.ACCESS_TOKEN";
    static final String SERVICE_NAME = "WM_SVC.NAME";
    static final String CORRELATION_ID = "WM_QOS.CORRELATION_ID";
    static final String TOKEN_COUNT = "x-current-token-count";
    static final String NEXT_REPLENISH = "x-next-replenish-time";

    private static final ApiFaultAnswers FAULT_ANSWERS = new ApiFaultAnswers(
            retryAfter -> WalmartErrors.tooManyRequests().withHeader("Retry-After",
                    Long.toString(retryAfter.toSeconds())), WalmartErrors::systemError, WalmartErrors::unauthorized,
            WalmartGateway::forbidden, WalmartGateway::forbidden);

    private final GatewayDispatch dispatch;
    private final AccessTokens tokens;
    private final Clock clock;
    private final Map<String, WalmartSimConfig.Bucket> limits;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    WalmartGateway(Vertx vertx, AccessTokens tokens, Faults faults, RequestLog log, Clock clock,
                   Map<String, WalmartSimConfig.Bucket> limits) {
        this.dispatch = new GatewayDispatch(vertx, faults, log);
        this.tokens = tokens;
        this.clock = clock;
        this.limits = limits;
    }

    Handler<RoutingContext> route(String operationId, Function<WalmartCall, SimResponse> handler) {
        return dispatch.route(GatewayDispatch.Operation.api(operationId),
                (ctx, fault) -> answer(ctx, operationId, handler, fault), () -> WalmartErrors.systemError(500),
                WalmartGateway::echoCorrelation);
    }

    private static void echoCorrelation(RoutingContext ctx, SimResponse response) {
        String correlation = ctx.request().getHeader(CORRELATION_ID);
        (correlation == null ? response : response.withHeader(CORRELATION_ID, correlation)).send(ctx);
    }

    private SimResponse answer(RoutingContext ctx, String operationId, Function<WalmartCall, SimResponse> handler,
                               Optional<Fault> fault) {
        String token = ctx.request().getHeader(ACCESS_TOKEN);
        for (String required : new String[]{SERVICE_NAME, CORRELATION_ID}) {
            String value = ctx.request().getHeader(required);
            if (value == null || value.isBlank()) {
                return WalmartErrors.missingHeader(required);
            }
        }
        if (fault.isPresent()) {
            Optional<SimResponse> injected = injected(fault.get(), token);
            if (injected.isPresent()) {
                return injected.get();
            }
        }
        if (!tokens.live(token)) {
            return WalmartErrors.unauthorized();
        }
        Instant now = clock.instant();
        TokenBucket bucket = bucket(operationId, now);
        boolean admitted = bucket.tryAcquire(now);
        SimResponse response = admitted ? handler.apply(new WalmartCall(operationId, ctx.pathParams(),
                ctx.queryParams(), body(ctx),
                ctx.request().getHeader("Content-Type"), now,
                fault.isPresent() && fault.get() instanceof Fault.InvalidSubmission))
                : WalmartErrors.tooManyRequests();
        return withRateHeaders(response, operationId, bucket, now);
    }

    private static String body(RoutingContext ctx) {
        String raw = ctx.get(RAW_BODY);
        if (raw != null) {
            return raw;
        }
        return ctx.body() == null ? null : ctx.body().asString();
    }

    private SimResponse withRateHeaders(SimResponse response, String operationId, TokenBucket bucket, Instant now) {
        WalmartSimConfig.Bucket limit = limits.get(operationId);
        if (limit == null) {
            return response;
        }
        double available = bucket.available(now);
        long millisToNext = available >= limit.burst() ? 0
                : (long) Math.ceil((1 - (available - Math.floor(available))) / limit.perSecond() * 1000);
        return response.withHeader(TOKEN_COUNT, Long.toString((long) Math.floor(available)))
                .withHeader(NEXT_REPLENISH, Long.toString(now.toEpochMilli() + millisToNext));
    }

    private TokenBucket bucket(String operationId, Instant now) {
        WalmartSimConfig.Bucket limit = limits.getOrDefault(operationId, new WalmartSimConfig.Bucket(1000, 1000));
        return buckets.computeIfAbsent(operationId, op -> new TokenBucket(limit.perSecond(), limit.burst(), now));
    }

    private Optional<SimResponse> injected(Fault fault, String token) {
        return FAULT_ANSWERS.answer(fault, () -> tokens.expire(token));
    }

    private static SimResponse forbidden() {
        return WalmartErrors.of(403, "FORBIDDEN.GMP_GATEWAY_API", "FORBIDDEN", "Forbidden", "ERROR", "DATA");
    }
}

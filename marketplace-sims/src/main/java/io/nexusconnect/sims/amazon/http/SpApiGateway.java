package io.nexusconnect.sims.amazon.http;

import io.nexusconnect.sims.amazon.SellerAccount;
import io.nexusconnect.sims.amazon.auth.Registry;
import io.nexusconnect.sims.amazon.auth.TokenCheck;
import io.nexusconnect.sims.amazon.auth.TokenStore;
import io.nexusconnect.sims.amazon.listings.ListingsApi;
import io.nexusconnect.sims.amazon.ratelimit.RateLimiter;
import io.nexusconnect.sims.common.faults.ApiFaultAnswers;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.http.GatewayDispatch;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * What Amazon's API gateway does before and after an operation: request id, injected faults, the access token check,
 * the usage-plan throttle, and the response headers every answer carries.
 */
public final class SpApiGateway {
    public static final String ACCESS_TOKEN_HEADER = "x-amz-access-token";
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    public static final String RATE_LIMIT_HEADER = "x-amzn-RateLimit-Limit";

    private static final ApiFaultAnswers FAULT_ANSWERS = new ApiFaultAnswers(
            retryAfter -> SpApiErrors.quotaExceeded().withHeader("Retry-After", Long.toString(retryAfter.toSeconds())),
            SpApiErrors::internalFailure, () -> SpApiErrors.unauthorized(SpApiErrors.TOKEN_EXPIRED),
            () -> SpApiErrors.unauthorized(""), () -> SpApiErrors.unauthorized(""));

    private final GatewayDispatch dispatch;
    private final TokenStore tokens;
    private final Registry registry;
    private final RateLimiter limiter;
    private final Clock clock;

    public SpApiGateway(Vertx vertx, TokenStore tokens, Registry registry, RateLimiter limiter, Faults faults,
                        RequestLog log, Clock clock) {
        this.dispatch = new GatewayDispatch(vertx, faults, log);
        this.tokens = tokens;
        this.registry = registry;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * The route handler of one operation.
     *
     * @param logName    the name in the request log (the operation id, or {@code sandbox/<id>})
     * @param quotaScope appended to the throttling key, so the sandbox has its own buckets
     */
    public Handler<RoutingContext> route(String operationId, String logName, String quotaScope, SpApiHandler handler) {
        return dispatch.route(GatewayDispatch.Operation.api(operationId).loggedAs(logName), (ctx, fault) -> {
            try {
                return answer(ctx, operationId, quotaScope, handler, fault);
            } catch (SpApiException e) {
                return e.response();
            }
        }, () -> SpApiErrors.internalFailure(500), (ctx, response) -> write(ctx, UUID.randomUUID().toString(),
                response, limiter.limitHeader(operationId)));
    }

    private SimResponse answer(RoutingContext ctx, String operationId, String quotaScope, SpApiHandler handler,
                               Optional<Fault> fault) {
        String presented = ctx.request().getHeader(ACCESS_TOKEN_HEADER);
        Optional<SimResponse> injected = fault.flatMap(f -> injected(f, presented));
        if (injected.isPresent()) {
            return injected.get();
        }
        TokenCheck check = tokens.check(presented);
        if (!(check instanceof TokenCheck.Valid valid)) {
            return SpApiErrors.unauthorized(switch (check) {
                case TokenCheck.Missing m -> SpApiErrors.TOKEN_MISSING;
                case TokenCheck.Expired e -> SpApiErrors.TOKEN_EXPIRED;
                default -> SpApiErrors.TOKEN_INVALID;
            });
        }
        Optional<SellerAccount> seller = valid.token().grantless()
                ? Optional.empty() : registry.seller(valid.token().sellingPartnerId());
        if (seller.isEmpty()) {
            // a grantless token only covers grantless operations (notifications, migration), none of which is here
            return SpApiErrors.unauthorized("");
        }
        String scope = seller.get().sellingPartnerId() + "|" + valid.token().clientId() + quotaScope;
        if (!limiter.tryAcquire(operationId, scope)) {
            return SpApiErrors.quotaExceeded();
        }
        String body = ctx.body() == null ? null : ctx.body().asString();
        SpApiCall call = new SpApiCall(operationId, seller.get(), ctx.pathParams(), ctx.queryParams(),
                ctx.request().headers(), body, clock.instant());
        if (fault.isPresent() && fault.get() instanceof Fault.InvalidSubmission
                && operationId.equals(ListingsApi.PATCH_LISTINGS_ITEM)) {
            return ListingsApi.invalidSubmission(call);
        }
        return handler.handle(call);
    }

    private Optional<SimResponse> injected(Fault fault, String presentedToken) {
        return FAULT_ANSWERS.answer(fault, () -> tokens.expire(presentedToken));
    }

    public static void write(RoutingContext ctx, String requestId, SimResponse response, Optional<String> rateLimit) {
        HttpServerResponse http = ctx.response();
        http.setStatusCode(response.status());
        http.putHeader(REQUEST_ID_HEADER, requestId);
        rateLimit.ifPresent(rate -> http.putHeader(RATE_LIMIT_HEADER, rate));
        response.headers().forEach(http::putHeader);
        http.end(Buffer.buffer(response.body()));
    }
}

package io.nexusconnect.sims.zalando;

import io.nexusconnect.sims.common.auth.AccessTokens;
import io.nexusconnect.sims.common.auth.BearerToken;
import io.nexusconnect.sims.common.faults.ApiFaultAnswers;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.http.GatewayDispatch;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What zDirect does around every API call: the Bearer token (401 when missing or expired), the per-minute quotas of
 * the operation (429 with {@code Retry-After} until the next minute), injected faults.
 */
final class ZalandoGateway {
    /** A quota and how many of its units a call takes (1 per request, or the stock updates a body carries). */
    record Quota(MinuteWindow window, ToIntFunction<String> units) {
    }

    private static final ApiFaultAnswers FAULT_ANSWERS = new ApiFaultAnswers(
            retryAfter -> ZalandoErrors.tooManyRequests(retryAfter.toSeconds()), ZalandoErrors::serverError,
            ZalandoErrors::unauthorized, () -> ZalandoErrors.problem(403, "Forbidden", "Merchant account is not active"),
            () -> ZalandoErrors.problem(403, "Forbidden", "The client lacks the scope for this operation"));

    private final GatewayDispatch dispatch;
    private final AccessTokens tokens;

    ZalandoGateway(Vertx vertx, AccessTokens tokens, Faults faults, RequestLog log) {
        this.dispatch = new GatewayDispatch(vertx, faults, log);
        this.tokens = tokens;
    }

    Handler<RoutingContext> route(String operationId, List<Quota> quotas, Function<ZalandoCall, SimResponse> handler) {
        return dispatch.route(operationId, (ctx, fault) -> answer(ctx, quotas, handler, fault),
                () -> ZalandoErrors.serverError(500));
    }

    private SimResponse answer(RoutingContext ctx, List<Quota> quotas, Function<ZalandoCall, SimResponse> handler,
                               Optional<Fault> fault) {
        String token = BearerToken.of(ctx.request().getHeader("Authorization"));
        if (fault.isPresent()) {
            Optional<SimResponse> injected = injected(fault.get(), token);
            if (injected.isPresent()) {
                return injected.get();
            }
        }
        if (!tokens.live(token)) {
            return ZalandoErrors.unauthorized();
        }
        String body = ctx.body() == null ? null : ctx.body().asString();
        for (Quota quota : quotas) {
            int units = Math.max(1, quota.units().applyAsInt(body));
            if (units <= quota.window().limit() && !quota.window().tryTake(units)) {
                return ZalandoErrors.tooManyRequests(quota.window().secondsToNextMinute())
                        .withHeader("X-Rate-Limit", Integer.toString(quota.window().limit()));
            }
        }
        String base = ctx.request().scheme() + "://" + ctx.request().authority();
        return handler.apply(new ZalandoCall(ctx.pathParams(), ctx.queryParams(), body,
                ctx.request().getHeader("Content-Type"), base));
    }

    private Optional<SimResponse> injected(Fault fault, String token) {
        return FAULT_ANSWERS.answer(fault, () -> tokens.expire(token));
    }
}

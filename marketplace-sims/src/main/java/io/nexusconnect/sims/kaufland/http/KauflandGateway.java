package io.nexusconnect.sims.kaufland.http;

import io.nexusconnect.sims.common.faults.ApiFaultAnswers;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.http.GatewayDispatch;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.ratelimit.TokenBucket;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Kaufland checks around every operation: injected faults, the required headers ({@code User-Agent},
 * {@code Accept}, {@code Shop-Client-Key}, {@code Shop-Timestamp}, {@code Shop-Signature}), the client key, the
 * timestamp window, the HMAC over the URL exactly as sent and the exact body bytes, and the per-seller request rate.
 */
public final class KauflandGateway {
    private static final ApiFaultAnswers FAULT_ANSWERS = new ApiFaultAnswers(
            retryAfter -> KauflandErrors.tooManyRequests(), KauflandErrors::serverError,
            KauflandErrors::corruptedSignature, KauflandErrors::inactiveAccount,
            () -> KauflandErrors.of(403, "/problems/forbidden", "Forbidden"));

    private final GatewayDispatch dispatch;
    private final Map<String, String> secretsByClientKey;
    private final Clock clock;
    private final Duration clockSkew;
    private final double requestsPerSecond;
    private final Map<String, TokenBucket> rateBySeller = new ConcurrentHashMap<>();

    public KauflandGateway(Vertx vertx, Map<String, String> secretsByClientKey, Faults faults, RequestLog log,
                           Clock clock, Duration clockSkew, double requestsPerSecond) {
        this.dispatch = new GatewayDispatch(vertx, faults, log);
        this.secretsByClientKey = Map.copyOf(secretsByClientKey);
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.requestsPerSecond = requestsPerSecond;
    }

    public Handler<RoutingContext> route(String operationId, KauflandHandler handler) {
        return dispatch.route(operationId, (ctx, fault) -> answer(ctx, operationId, handler, fault),
                () -> KauflandErrors.serverError(500));
    }

    private SimResponse answer(RoutingContext ctx, String operationId, KauflandHandler handler,
                               Optional<Fault> fault) {
        if (fault.isPresent()) {
            Optional<SimResponse> injected = injected(fault.get());
            if (injected.isPresent()) {
                return injected.get();
            }
        }
        HttpServerRequest request = ctx.request();
        for (String header : new String[]{"User-Agent", "Accept", "Shop-Client-Key", "Shop-Timestamp",
                "Shop-Signature"}) {
            String value = request.getHeader(header);
            if (value == null || value.isBlank()) {
                return KauflandErrors.missingHeader(header);
            }
        }
        String secret = secretsByClientKey.get(request.getHeader("Shop-Client-Key"));
        if (secret == null) {
            return KauflandErrors.invalidCredentials();
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(request.getHeader("Shop-Timestamp").trim());
        } catch (NumberFormatException e) {
            return KauflandErrors.missingHeader("Shop-Timestamp");
        }
        Instant now = clock.instant();
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(clockSkew) > 0) {
            return KauflandErrors.staleTimestamp();
        }
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        String uri = "http://" + authority(request) + request.uri();
        String expected = KauflandSignature.sign(secret, request.method().name(), uri, body, timestamp);
        if (!KauflandSignature.matches(expected, request.getHeader("Shop-Signature"))) {
            return KauflandErrors.corruptedSignature();
        }
        TokenBucket bucket = rateBySeller.computeIfAbsent(request.getHeader("Shop-Client-Key"),
                k -> new TokenBucket(requestsPerSecond, (int) Math.max(1, Math.ceil(requestsPerSecond)), now));
        if (!bucket.tryAcquire(now)) {
            return KauflandErrors.tooManyRequests();
        }
        boolean reject = fault.isPresent() && fault.get() instanceof Fault.InvalidSubmission;
        return handler.handle(new KauflandCall(operationId, ctx.pathParams(), ctx.queryParams(),
                new String(body, java.nio.charset.StandardCharsets.UTF_8), now, reject));
    }

    /** Host and port as the client addressed them (the Host header, or HTTP/2's :authority). */
    private static String authority(HttpServerRequest request) {
        var authority = request.authority();
        if (authority == null) {
            return request.getHeader("Host");
        }
        return authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host();
    }

    /** Signed requests carry no token to expire: an expired-token fault answers as a stale signature would. */
    private static Optional<SimResponse> injected(Fault fault) {
        return FAULT_ANSWERS.answer(fault, () -> { });
    }
}

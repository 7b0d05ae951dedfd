package io.nexusconnect.sims.common.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own HTTP admin under {@code /__sim}: faults ({@code POST|GET|DELETE /__sim/faults},
 * {@code DELETE /__sim/faults/{id}}) and the request log ({@code GET|DELETE /__sim/requests}). Bad input gets an
 * RFC 7807 problem with field errors.
 */
public final class FaultsAdmin {
    private final Faults faults;
    private final RequestLog log;

    public FaultsAdmin(Faults faults, RequestLog log) {
        this.faults = faults;
        this.log = log;
    }

    public void mount(Router router) {
        router.post("/__sim/faults").handler(this::inject);
        router.get("/__sim/faults").handler(ctx -> {
            ArrayNode rules = Json.array();
            faults.active().forEach(r -> rules.add(json(r)));
            send(ctx, SimResponse.json(200, rules));
        });
        router.delete("/__sim/faults").handler(ctx -> {
            faults.clear();
            ctx.response().setStatusCode(204).end();
        });
        router.delete("/__sim/faults/:id").handler(ctx ->
                ctx.response().setStatusCode(faults.remove(ctx.pathParam("id")) ? 204 : 404).end());
        router.get("/__sim/requests").handler(ctx -> {
            ObjectNode body = Json.object().put("total", log.total());
            ObjectNode byOperation = body.putObject("byOperation");
            log.counts().forEach(byOperation::put);
            ObjectNode byStatus = body.putObject("byOperationAndStatus");
            log.countsByStatus().forEach(byStatus::put);
            send(ctx, SimResponse.json(200, body));
        });
        router.delete("/__sim/requests").handler(ctx -> {
            log.reset();
            ctx.response().setStatusCode(204).end();
        });
    }

    private void inject(RoutingContext ctx) {
        JsonNode body = Json.parseOrNull(ctx.body().asString());
        if (body == null || !body.isObject()) {
            send(ctx, problem("The body must be a JSON object", List.of(Map.of("field", "body",
                    "message", "expected {\"operation\":…, \"kind\":…}"))));
            return;
        }
        List<Map<String, String>> errors = new ArrayList<>();
        String operation = body.path("operation").asText(Faults.ANY_OPERATION);
        FaultKind kind = null;
        try {
            kind = FaultKind.valueOf(body.path("kind").asText(""));
        } catch (IllegalArgumentException e) {
            errors.add(Map.of("field", "kind", "message", "one of " + List.of(FaultKind.values())));
        }
        int times = body.path("times").asInt(1);
        boolean persistent = body.path("persistent").asBoolean(false);
        if (!persistent && times < 1) {
            errors.add(Map.of("field", "times", "message", "must be at least 1"));
        }
        int status = body.path("status").asInt(500);
        if (kind == FaultKind.SERVER_ERROR && status != 500 && status != 503) {
            errors.add(Map.of("field", "status", "message", "must be 500 or 503"));
        }
        long retryAfter = body.path("retryAfterSeconds").asLong(1);
        long delayMs = body.path("delayMs").asLong(1000);
        if (retryAfter < 0 || delayMs < 0) {
            errors.add(Map.of("field", retryAfter < 0 ? "retryAfterSeconds" : "delayMs", "message", "must not be negative"));
        }
        if (!errors.isEmpty()) {
            send(ctx, problem("Invalid fault", errors));
            return;
        }
        Fault fault = switch (kind) {
            case RATE_LIMIT -> Fault.rateLimit(Duration.ofSeconds(retryAfter));
            case SERVER_ERROR -> Fault.serverError(status);
            case EXPIRED_TOKEN -> Fault.expiredToken();
            case INVALID_GRANT -> Fault.invalidGrant();
            case INVALID_CLIENT -> Fault.invalidClient();
            case ACCOUNT_SUSPENDED -> Fault.accountSuspended();
            case SCOPE_MISSING -> Fault.scopeMissing();
            case MALFORMED_JSON -> Fault.malformedJson();
            case SLOW -> Fault.slow(Duration.ofMillis(delayMs));
            case INVALID_SUBMISSION -> Fault.invalidSubmission();
        };
        FaultRule rule = persistent ? faults.persistent(operation, fault) : faults.inject(operation, fault, times);
        send(ctx, SimResponse.json(201, json(rule)));
    }

    static ObjectNode json(FaultRule rule) {
        ObjectNode json = Json.object().put("id", rule.id()).put("operation", rule.operation())
                .put("kind", rule.fault().kind().name()).put("persistent", rule.persistent());
        if (!rule.persistent()) {
            json.put("remaining", rule.remaining());
        }
        switch (rule.fault()) {
            case Fault.RateLimit r -> json.put("retryAfterSeconds", r.retryAfter().toSeconds());
            case Fault.ServerError s -> json.put("status", s.status());
            case Fault.Slow s -> json.put("delayMs", s.delay().toMillis());
            default -> {
            }
        }
        return json;
    }

    private static SimResponse problem(String detail, List<Map<String, String>> fieldErrors) {
        ObjectNode body = Json.object().put("type", "about:blank").put("title", "Bad Request").put("status", 400)
                .put("detail", detail);
        ArrayNode errors = body.putArray("errors");
        fieldErrors.forEach(e -> errors.add(Json.MAPPER.valueToTree(e)));
        return SimResponse.json(400, body).withHeader(SimResponse.CONTENT_TYPE, "application/problem+json");
    }

    private static void send(RoutingContext ctx, SimResponse response) {
        response.send(ctx);
    }
}

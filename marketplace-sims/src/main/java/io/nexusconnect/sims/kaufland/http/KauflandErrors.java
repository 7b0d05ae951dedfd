package io.nexusconnect.sims.kaufland.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

/**
 * Kaufland's {@code ErrorResponse} ({@code type} from the spec's {@code ProblemType} enum, {@code message},
 * {@code errors[{field, message}]}). Which type answers which refusal is partly a decision (BEHAVIOR.md).
 */
public final class KauflandErrors {
    private KauflandErrors() {
    }

    public static SimResponse of(int status, String type, String message) {
        ObjectNode body = Json.object().put("type", type).put("message", message);
        body.putArray("errors");
        return SimResponse.json(status, body);
    }

    public static SimResponse field(int status, String type, String message, String field, String reason) {
        ObjectNode body = Json.object().put("type", type).put("message", message);
        body.putArray("errors").addObject().put("field", field).put("message", reason);
        return SimResponse.json(status, body);
    }

    public static SimResponse missingHeader(String header) {
        return field(400, "/problems/missing-or-invalid-request-header", "Missing or invalid request header",
                header, header + " is required");
    }

    public static SimResponse invalidCredentials() {
        return of(401, "/problems/invalid-credentials", "Invalid client key");
    }

    public static SimResponse corruptedSignature() {
        return of(401, "/problems/corrupted-signature", "Request authentication headers are corrupt: signature mismatch");
    }

    /** Decision: a stale or future timestamp is refused as an invalid Shop-Timestamp header with a 401. */
    public static SimResponse staleTimestamp() {
        return field(401, "/problems/missing-or-invalid-request-header",
                "Request timestamp is outside the accepted window", "Shop-Timestamp",
                "timestamp too old or in the future; check the system clock");
    }

    public static SimResponse tooManyRequests() {
        return of(429, "about:blank", "Too Many Requests");
    }

    public static SimResponse serverError(int status) {
        return of(status, status == 503 ? "/problems/service-unavailable" : "/problems/server-error",
                status == 503 ? "Service Unavailable" : "Internal Server Error");
    }

    public static SimResponse inactiveAccount() {
        return of(403, "/problems/inactive-account", "Seller account is inactive");
    }

    public static SimResponse notFound(String what) {
        return of(404, "/problems/not-found", what + " not found");
    }

    public static SimResponse badRequest(String field, String reason) {
        return field(400, "/problems/validation-error", "Request parameters have invalid values", field, reason);
    }

    public static SimResponse storefrontNotConfigured(String storefront) {
        return field(400, "/problems/storefront-not-configured", "Storefront is not configured for this seller",
                "storefront", storefront);
    }
}

package io.nexusconnect.sims.walmart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

/**
 * Walmart's error body as the live API sends it: {@code {"errors":{"error":[GatewayError]}}} (the spec's
 * {@code GatewayError}: code, field, description, info, severity, category).
 */
final class WalmartErrors {
    private WalmartErrors() {
    }

    static SimResponse of(int status, String code, String field, String description, String severity,
                          String category) {
        ObjectNode error = Json.object().put("code", code).put("field", field).put("description", description)
                .put("info", description).put("severity", severity).put("category", category);
        error.putArray("causes");
        error.putObject("errorIdentifiers");
        ObjectNode body = Json.object();
        body.putObject("errors").putArray("error").add(error);
        return SimResponse.json(status, body);
    }

    static SimResponse unauthorized() {
        return of(401, "UNAUTHORIZED.GMP_GATEWAY_API", "UNAUTHORIZED", "Unauthorized", "ERROR", "DATA");
    }

    static SimResponse missingHeader(String header) {
        return of(400, "INVALID_REQUEST_HEADER.GMP_GATEWAY_API", header,
                "Invalid or missing request header: " + header, "ERROR", "REQUEST");
    }

    static SimResponse tooManyRequests() {
        return of(429, "REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API", "REQUEST_THRESHOLD_VIOLATED",
                "Too many requests", "ERROR", "REQUEST");
    }

    static SimResponse systemError(int status) {
        return of(status, "SYSTEM_ERROR.GMP_GATEWAY_API", "SYSTEM_ERROR", "Internal Server Error", "ERROR",
                "SYSTEM");
    }

    static SimResponse notFound(String code, String description) {
        return of(404, code, "data", description, "INFO", "APPLICATION");
    }

    static SimResponse badRequest(String code, String field, String description) {
        return of(400, code, field, description, "ERROR", "DATA");
    }
}

package io.nexusconnect.sims.bol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.util.Map;

/** bol's error body: the spec's {@code Problem} ({@code type, title, status, detail, host, instance, violations}). */
final class BolProblems {
    static final String PROBLEM_TYPE = "application/vnd.retailer.v10+json";

    private BolProblems() {
    }

    static SimResponse of(int status, String title, String detail) {
        ObjectNode body = Json.object().put("type", "https://api.bol.com/problems").put("title", title)
                .put("status", status).put("detail", detail).put("host", "bol-sim").put("instance", "/");
        body.putArray("violations");
        return new SimResponse(status, Map.of(SimResponse.CONTENT_TYPE, "application/problem+json"),
                Json.bytes(body));
    }

    static SimResponse unauthorized() {
        return of(401, "Unauthorized", "Full authentication is required to access this resource.");
    }

    static SimResponse notAcceptable() {
        return of(406, "Not Acceptable", "The Accept header must be application/vnd.retailer.v10+json.");
    }

    static SimResponse tooManyRequests(long retryAfterSeconds) {
        return of(429, "Too Many Requests", "Too many requests, retry later.")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    static SimResponse badRequest(String detail) {
        return of(400, "Bad Request", detail);
    }

    static SimResponse notFound(String what) {
        return of(404, "Not Found", what + " not found.");
    }

    static SimResponse serverError(int status) {
        return of(status, "Internal Server Error", "Something went wrong, try again later.");
    }
}

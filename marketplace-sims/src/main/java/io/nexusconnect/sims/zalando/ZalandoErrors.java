package io.nexusconnect.sims.zalando;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

/** zDirect's problem answers ({@code application/problem+json}: type, title, status, detail). */
final class ZalandoErrors {
    private ZalandoErrors() {
    }

    static SimResponse problem(int status, String title, String detail) {
        ObjectNode body = Json.object().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
        return SimResponse.json(status, body).withHeader(SimResponse.CONTENT_TYPE, "application/problem+json");
    }

    static SimResponse unauthorized() {
        return problem(401, "Unauthorized", "Access token missing, invalid or expired");
    }

    static SimResponse tooManyRequests(long retryAfterSeconds) {
        return problem(429, "Too Many Requests", "Rate limit exceeded")
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    static SimResponse serverError(int status) {
        return problem(status, "Internal Server Error", "Unexpected error");
    }
}

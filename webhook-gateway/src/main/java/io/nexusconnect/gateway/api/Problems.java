package io.nexusconnect.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.time.Duration;

/**
 * RFC 7807 problem documents. No {@code instance}: the request path may hold a connection's secret token.
 */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail) {
    }

    private Problems() {
    }

    static Response of(int status, String title, String detail, Duration retryAfter) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail));
        if (retryAfter != null) {
            builder.header("Retry-After", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        return builder.build();
    }

    static Response notFound() {
        return of(404, "Not Found", "No webhook endpoint at this address.", null);
    }

    static Response tooLarge(int limit) {
        return of(413, "Content Too Large", "The body exceeds " + limit + " bytes.", null);
    }
}

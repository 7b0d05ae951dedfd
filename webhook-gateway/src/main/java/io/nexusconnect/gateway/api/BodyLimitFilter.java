package io.nexusconnect.gateway.api;

import io.nexusconnect.gateway.config.GatewayConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 413 from the declared Content-Length before a byte of the body is read. Lengths above the HTTP layer's cap
 * ({@code quarkus.http.limits.max-body-size}, 4 MiB) get that layer's bare 413 even earlier; a body without a length
 * (chunked) is read up to the cap and checked after reading.
 */
public class BodyLimitFilter {
    private final GatewayConfig config;

    public BodyLimitFilter(GatewayConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response rejectDeclaredOversize(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !request.getUriInfo().getPath().startsWith("/api/webhooks/")) {
            return null;
        }
        try {
            return Long.parseLong(length.trim()) > config.maxBodyBytes() ? Problems.tooLarge(config.maxBodyBytes()) : null;
        } catch (NumberFormatException e) {
            return Problems.of(400, "Bad Request", "Content-Length is not a number.", null);
        }
    }
}

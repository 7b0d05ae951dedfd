package io.nexusconnect.connectionservice.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant of the current request: the {@code tenant} claim of its verified bearer token. Every query of the API is
 * scoped by it, so a connection of another tenant is simply not found (404, never 403: its existence is not disclosed).
 */
@RequestScoped
public class TenantContext {
    public static final String CLAIM = "tenant";

    @Inject
    JsonWebToken token;

    /** The caller's tenant id; a verified token without one is refused (403), it can see nothing. */
    public String tenantId() {
        Object claim = token == null ? null : token.getClaim(CLAIM);
        String tenant = claim == null ? null : claim.toString().trim();
        if (tenant == null || tenant.isEmpty()) {
            throw new ForbiddenException("the bearer token has no tenant claim");
        }
        // a JsonString claim prints with quotes
        if (tenant.length() >= 2 && tenant.startsWith("\"") && tenant.endsWith("\"")) {
            tenant = tenant.substring(1, tenant.length() - 1);
        }
        return tenant;
    }
}

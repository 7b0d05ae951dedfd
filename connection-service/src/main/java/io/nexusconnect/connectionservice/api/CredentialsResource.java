package io.nexusconnect.connectionservice.api;

import io.nexusconnect.connectionservice.credentials.CredentialResealer;
import io.nexusconnect.connectionservice.tenant.TenantContext;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key rotation on demand, for the caller's tenant (the service also re-seals everything at startup). */
@Path("/api/credentials")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settings")
@SecurityRequirement(name = "bearer")
public class CredentialsResource {
    @Inject
    CredentialResealer resealer;
    @Inject
    CredentialSealer sealer;
    @Inject
    TenantContext tenant;

    @POST
    @Path("reseal")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Re-seal credentials with the primary key", description = "Every connection of the tenant still "
            + "sealed with an older key of the ring is re-sealed with the primary one and re-published; nothing stops.")
    public Uni<ResealReport> reseal() {
        return resealer.resealAll(tenant.tenantId())
                .map(count -> new ResealReport(count, sealer.keyRing().primaryKeyId()));
    }

    @Schema(name = "ResealReport")
    public record ResealReport(@Schema(description = "connections re-sealed") int resealed,
                               @Schema(description = "the key id they are sealed with now") String primaryKeyId) {
    }
}

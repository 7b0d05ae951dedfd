package io.nexusconnect.connectionservice.api;

import io.nexusconnect.connectionservice.policy.PolicyInput;
import io.nexusconnect.connectionservice.policy.PolicyView;
import io.nexusconnect.connectionservice.policy.TenantPolicies;
import io.nexusconnect.connectionservice.problem.Problem;
import io.nexusconnect.connectionservice.tenant.TenantContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Settings > General > Connections: the tenant's global connection settings. */
@Path("/api/settings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settings")
@SecurityRequirement(name = "bearer")
public class SettingsResource {
    @Inject
    TenantPolicies policies;
    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "Global connection settings", description = "the defaults until the tenant changes them")
    public Uni<PolicyView> get() {
        return policies.view(tenant.tenantId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the global connection settings", description = "Omitted fields keep their value. Every "
            + "live connection of the tenant is re-published on nexus.connections.v1 with the new settings, in the same "
            + "transaction. The default sync interval applies to connections created afterwards without their own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "every offending field in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyView> put(PolicyInput input) {
        return policies.update(tenant.tenantId(), input);
    }
}

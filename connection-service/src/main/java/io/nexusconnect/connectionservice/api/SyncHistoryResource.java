package io.nexusconnect.connectionservice.api;

import io.nexusconnect.connectionservice.history.SyncHistoryService;
import io.nexusconnect.connectionservice.history.SyncHistoryView;
import io.nexusconnect.connectionservice.problem.Problem;
import io.nexusconnect.connectionservice.problem.ValidationException;
import io.nexusconnect.connectionservice.tenant.TenantContext;
import io.nexusconnect.contracts.connection.FieldViolation;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** View Sync Log: the cycles of one connection with counts, status and the raw error of failed ones. */
@Path("/api/connections/{id}/syncs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
@SecurityRequirement(name = "bearer")
public class SyncHistoryResource {
    @Inject
    SyncHistoryService history;
    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "Sync history of a connection", description = "newest cycle first, paged")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SyncHistoryView.class)))
    @APIResponse(responseCode = "404", description = "no such connection for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SyncHistoryView> list(@PathParam("id") UUID id,
                                     @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") int page,
                                     @Parameter(description = "1 to 100") @QueryParam("size") @DefaultValue("20") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 0 || page > SyncHistoryService.MAX_PAGE) {
            violations.add(new FieldViolation("page", "must be between 0 and " + SyncHistoryService.MAX_PAGE));
        }
        if (size < 1 || size > SyncHistoryService.MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + SyncHistoryService.MAX_PAGE_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return history.page(tenant.tenantId(), id, page, size);
    }
}

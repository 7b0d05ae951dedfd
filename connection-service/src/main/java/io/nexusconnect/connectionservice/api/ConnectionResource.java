package io.nexusconnect.connectionservice.api;

import io.nexusconnect.connectionservice.connection.ConnectionRequests;
import io.nexusconnect.connectionservice.connection.ConnectionService;
import io.nexusconnect.connectionservice.connection.ConnectionView;
import io.nexusconnect.connectionservice.connection.CreateConnectionRequest;
import io.nexusconnect.connectionservice.connection.SettingsInput;
import io.nexusconnect.connectionservice.problem.Problem;
import io.nexusconnect.connectionservice.problem.ValidationException;
import io.nexusconnect.connectionservice.tenant.TenantContext;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.FieldViolation;
import io.nexusconnect.contracts.sync.SyncMode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The Connections page: add, list, show, Sync Now, settings, pause/resume, remove. Always scoped to the caller's tenant. */
@Path("/api/connections")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "a JWT whose `tenant` claim scopes every call")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "no valid bearer token")
public class ConnectionResource {
    @Inject
    ConnectionService connections;
    @Inject
    TenantContext tenant;
    @Inject
    UriInfo uriInfo;
    @Inject
    ConnectionViews views;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a connection", description = "Validates every field against the marketplace's credential "
            + "schema, seals the secrets and publishes the connection snapshot. The new connection is pending until its "
            + "first completed sync.")
    @APIResponse(responseCode = "201", description = "created; credentials masked",
            content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "every offending field in errors[]; secret values are never quoted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the same marketplace account (Amazon: seller and marketplace id) "
            + "is already connected", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(CreateConnectionRequest request) {
        ConnectionRequests.Valid valid = ConnectionRequests.validate(request);
        return connections.create(tenant.tenantId(), valid).chain(views::of).map(view -> Response
                .created(uriInfo.getBaseUriBuilder().path("api/connections").path(view.id().toString()).build())
                .entity(view).build());
    }

    @GET
    @Operation(summary = "List the tenant's connections", description = "The cards in one call (status, last and next "
            + "sync, quick stats, health, error diagnostics), oldest first; an empty list when there are none. "
            + "removed=true lists the removed connections instead, newest removal first: their sync history stays readable.")
    public Uni<List<ConnectionView>> list(@Parameter(description = "list removed connections instead")
                                          @QueryParam("removed") @DefaultValue("false") boolean removed) {
        return connections.list(tenant.tenantId(), removed).chain(views::of);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change label and description", description = "omitted fields stay; an empty description clears it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "every offending field in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "changed by another request at the same time; reload and retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectionView> updateDetails(@PathParam("id") UUID id, DetailsInput input) {
        DetailsInput details = input == null ? new DetailsInput(null, null) : input;
        ConnectionRequests.validateDetails(details.label(), details.description());
        return connections.updateDetails(tenant.tenantId(), id, details.label(), details.description()).chain(views::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Show a connection")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "404", description = "no such connection for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectionView> get(@PathParam("id") UUID id) {
        return connections.find(tenant.tenantId(), id).chain(views::of);
    }

    @POST
    @Path("{id}/sync")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sync Now", description = "Queues an immediate sync for the orchestrator: incremental from the last cursors "
            + "(the order lookback when there are none) unless mode=full. Accepted means the command is durable; the cycle shows up in the sync history.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = SyncAccepted.class)))
    @APIResponse(responseCode = "404", description = "no such connection for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> syncNow(@PathParam("id") UUID id, SyncNowInput input) {
        SyncMode mode = mode(input);
        return connections.requestSync(tenant.tenantId(), id, mode).map(command -> Response.accepted(
                new SyncAccepted(command.commandId(), command.connectionId(), command.mode().json(), command.requestedAt()))
                .build());
    }

    @PUT
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the sync settings", description = "missing values take the defaults")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "every offending field in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "changed by another request at the same time; reload and retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectionView> updateSettings(@PathParam("id") UUID id, SettingsInput input) {
        var settings = ConnectionRequests.validateSettings(input);
        return connections.updateSettings(tenant.tenantId(), id, settings).chain(views::of);
    }

    @PUT
    @Path("{id}/credentials")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit Credentials", description = "Replaces the whole credential form (same field names as on "
            + "create); the secrets are sealed anew and a new snapshot is published")
    @APIResponse(responseCode = "200", description = "credentials masked",
            content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "every offending field in errors[]; secret values are never quoted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "changed by another request at the same time; reload and retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectionView> replaceCredentials(@PathParam("id") UUID id, CredentialsInput input) {
        Map<String, String> fields = input == null || input.fields() == null ? Map.of() : input.fields();
        return connections.replaceCredentials(tenant.tenantId(), id, fields).chain(views::of);
    }

    @POST
    @Path("{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Pause the scheduled sync")
    public Uni<ConnectionView> pause(@PathParam("id") UUID id) {
        return connections.changeState(tenant.tenantId(), id, ConnectionState.PAUSED).chain(views::of);
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Resume the scheduled sync")
    public Uni<ConnectionView> resume(@PathParam("id") UUID id) {
        return connections.changeState(tenant.tenantId(), id, ConnectionState.ACTIVE).chain(views::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a connection", description = "synced data is kept; the connection disappears from the "
            + "compacted connections topic (tombstone)")
    @APIResponse(responseCode = "204", description = "removed")
    public Uni<Response> remove(@PathParam("id") UUID id) {
        return connections.remove(tenant.tenantId(), id).map(ignored -> Response.noContent().build());
    }

    private static SyncMode mode(SyncNowInput input) {
        if (input == null || input.mode() == null) {
            return SyncMode.INCREMENTAL;
        }
        try {
            return SyncMode.valueOf(input.mode().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldViolation("mode", "must be full or incremental")));
        }
    }

    @Schema(name = "ConnectionDetails")
    public record DetailsInput(@Schema(maxLength = 200) String label, @Schema(maxLength = 1000) String description) {
    }

    @Schema(name = "CredentialsInput", description = "the marketplace's whole credential form, as on create")
    public record CredentialsInput(Map<String, String> fields) {
        @Override
        public String toString() {
            return "CredentialsInput[fields=" + (fields == null ? "none" : fields.keySet()) + "]";
        }
    }

    @Schema(name = "SyncNow")
    public record SyncNowInput(@Schema(enumeration = {"full", "incremental"}, defaultValue = "incremental") String mode) {
    }

    @Schema(name = "SyncAccepted")
    public record SyncAccepted(UUID commandId, UUID connectionId, String mode, Instant requestedAt) {
    }
}

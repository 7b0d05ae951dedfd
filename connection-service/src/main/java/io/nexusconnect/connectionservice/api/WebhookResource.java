package io.nexusconnect.connectionservice.api;

import io.nexusconnect.connectionservice.connection.ConnectionView;
import io.nexusconnect.connectionservice.problem.Problem;
import io.nexusconnect.connectionservice.tenant.TenantContext;
import io.nexusconnect.connectionservice.webhook.RegistrationRequests;
import io.nexusconnect.connectionservice.webhook.SecretRotations;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** A connection's webhooks: register again, rotate the secret nexus manages now. The state is part of the card. */
@Path("/api/connections/{id}/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "no valid bearer token")
@APIResponse(responseCode = "404", description = "no such connection for this tenant",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookResource {
    @Inject
    RegistrationRequests registrations;
    @Inject
    SecretRotations rotations;
    @Inject
    TenantContext tenant;
    @Inject
    ConnectionViews views;

    @POST
    @Path("register")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Register the webhooks again", description = "Asks the adapter to reconcile the marketplace's "
            + "subscriptions with what nexus needs. Accepted means the request is durable; the answer shows up in the "
            + "connection's webhookRegistration.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = RegistrationAccepted.class)))
    @APIResponse(responseCode = "409", description = "the marketplace has no webhooks nexus registers (it is polled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(@PathParam("id") UUID id) {
        return registrations.requestNow(tenant.tenantId(), id).map(request -> Response.accepted(new RegistrationAccepted(
                request.requestId(), request.connectionId(), request.action().json(), request.reason().json(),
                request.requestedAt())).build());
    }

    @POST
    @Path("rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rotate the webhook secret now", description = "A new secret replaces the one nexus generated; "
            + "the old one keeps verifying until webhookRegistration.secret.overlapUntil, and the marketplace is given "
            + "the new one (a secret-rotated registration). The schedule counts from now.")
    @APIResponse(responseCode = "200", description = "the connection; secrets masked",
            content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "409", description = "nexus manages no webhook secret of this marketplace (Shopify's is "
            + "rotated by Shopify), or the connection changed at the same time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectionView> rotateSecret(@PathParam("id") UUID id) {
        return rotations.rotateNow(tenant.tenantId(), id).chain(views::of);
    }

    @Schema(name = "WebhookRegistrationAccepted")
    public record RegistrationAccepted(UUID requestId, UUID connectionId, String action, String reason, Instant requestedAt) {
    }
}

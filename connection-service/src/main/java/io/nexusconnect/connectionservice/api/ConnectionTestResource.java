package io.nexusconnect.connectionservice.api;

import io.nexusconnect.connectionservice.problem.Problem;
import io.nexusconnect.connectionservice.tenant.TenantContext;
import io.nexusconnect.connectionservice.testing.ConnectionTestView;
import io.nexusconnect.connectionservice.testing.ConnectionTests;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.UUID;

/**
 * Test Connection (before and after saving) and Reconnect: one cheap marketplace call by the marketplace's adapter,
 * asked over Kafka ({@code nexus.connection-tests.v1} → {@code nexus.connection-tests.replies.v1}).
 */
@Path("/api/connections")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "200", description = "the adapter's verdict: valid (marketplace and seller name) or the "
        + "classified error with its resolution", content = @Content(schema = @Schema(implementation = ConnectionTestView.class)))
@APIResponse(responseCode = "503", description = "the test could not be sent; try again",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "504", description = "no adapter answered in the bounded time (nexus.connection-test.timeout)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConnectionTestResource {
    @Inject
    ConnectionTests tests;
    @Inject
    TenantContext tenant;

    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Test Connection before saving", description = "Validates the form like Add Connection, seals "
            + "the secrets and asks the marketplace's adapter for one cheap call (limit=1). Nothing is saved.")
    @APIResponse(responseCode = "400", description = "every offending field in errors[]; secret values are never quoted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectionTestView> testForm(TestFormInput input) {
        TestFormInput form = input == null ? new TestFormInput(null, null) : input;
        return tests.testForm(tenant.tenantId(), form.marketplace(), form.fields() == null ? Map.of() : form.fields());
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Test a saved connection", description = "with its stored credentials; a pass records the "
            + "seller name as the card's account identifier")
    @APIResponse(responseCode = "404", description = "no such connection for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectionTestView> testSaved(@PathParam("id") UUID id) {
        return tests.testSaved(tenant.tenantId(), id);
    }

    @POST
    @Path("{id}/reconnect")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reconnect", description = "Re-runs the authentication with the stored credentials (the adapter "
            + "refreshes the token). On success the connection is re-published and an incremental sync is queued; the "
            + "sync history is kept. When the credentials themselves are wrong, use Edit Credentials.")
    @APIResponse(responseCode = "404", description = "no such connection for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectionTestView> reconnect(@PathParam("id") UUID id) {
        return tests.reconnect(tenant.tenantId(), id);
    }

    @Schema(name = "TestConnection", description = "the Add Connection form: marketplace and its credential fields")
    public record TestFormInput(
            @Schema(required = true, enumeration = {"amazon", "ebay", "walmart", "shopify", "bol", "zalando", "kaufland"})
            String marketplace,
            @Schema(required = true, description = "credential form fields by name, as on create") Map<String, String> fields) {
        @Override
        public String toString() {
            return "TestFormInput[" + marketplace + ", fields=" + (fields == null ? "none" : fields.keySet()) + "]";
        }
    }
}

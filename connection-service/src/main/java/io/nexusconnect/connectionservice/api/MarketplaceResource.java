package io.nexusconnect.connectionservice.api;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.CredentialField;
import io.nexusconnect.connectionservice.webhook.WebhookSecretFields;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/** The marketplace grid of Add Connection, each with its credential form. */
@Path("/api/marketplaces")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
@SecurityRequirement(name = "bearer")
public class MarketplaceResource {

    @GET
    @Operation(summary = "The seven marketplaces and their credential forms",
            description = "field names are the keys of `fields` on Add Connection, Test Connection and Edit Credentials")
    public List<MarketplaceForm> list() {
        return Arrays.stream(Marketplace.values()).map(m -> new MarketplaceForm(m.id(), m.displayName(),
                WebhookSecretFields.formSchema(m).accountIdField(),
                WebhookSecretFields.formSchema(m).fields().stream().map(FormField::of).toList())).toList();
    }

    @Schema(name = "MarketplaceForm")
    public record MarketplaceForm(String id, String name,
                                  @Schema(description = "the field naming the account, if any") String accountIdField,
                                  List<FormField> fields) {
    }

    @Schema(name = "CredentialFormField")
    public record FormField(String name, String label,
                            @Schema(description = "sealed at rest and only ever shown masked") boolean secret,
                            boolean required,
                            @Schema(description = "the only values accepted; empty for free text") List<String> allowedValues,
                            @Schema(description = "a comma-separated list") boolean list,
                            String hint) {
        static FormField of(CredentialField f) {
            return new FormField(f.name(), f.label(), f.secret(), f.required(), f.allowedValues(), f.list(), f.hint());
        }
    }
}

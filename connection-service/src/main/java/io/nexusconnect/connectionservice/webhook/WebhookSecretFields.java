package io.nexusconnect.connectionservice.webhook;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.CredentialField;
import io.nexusconnect.contracts.connection.CredentialSchema;
import io.nexusconnect.contracts.connection.CredentialSchemas;

import java.util.Map;
import java.util.Optional;

/**
 * Which credential field verifies a marketplace's webhooks, and who owns it. nexus generates and rotates the eBay
 * verification token, the Walmart HMAC secret and the bol/Kaufland path token (it hands them to the marketplace when it
 * registers); Shopify signs with the app's API secret key, which only Shopify rotates. During an overlap the secret a
 * field had before is kept as {@code <field>Previous}, which webhook-gateway accepts too.
 */
public final class WebhookSecretFields {
    public static final String PREVIOUS_SUFFIX = "Previous";

    private static final Map<Marketplace, String> NEXUS_MANAGED = Map.of(
            Marketplace.EBAY, "notificationVerificationToken",
            Marketplace.WALMART, "webhookSecret",
            Marketplace.BOL, "webhookToken",
            Marketplace.KAUFLAND, "webhookToken");
    private static final Map<Marketplace, String> MARKETPLACE_OWNED = Map.of(Marketplace.SHOPIFY, "apiSecretKey");

    private WebhookSecretFields() {
    }

    /** The secret nexus generates and rotates for the marketplace's webhooks, if it has one. */
    public static Optional<String> nexusManaged(Marketplace marketplace) {
        return Optional.ofNullable(NEXUS_MANAGED.get(marketplace));
    }

    /** The marketplace's own secret its webhooks are signed with (rotated by the marketplace), if any. */
    public static Optional<String> marketplaceOwned(Marketplace marketplace) {
        return Optional.ofNullable(MARKETPLACE_OWNED.get(marketplace));
    }

    /** Whichever secret verifies the marketplace's webhooks. */
    public static Optional<String> verifying(Marketplace marketplace) {
        return nexusManaged(marketplace).or(() -> marketplaceOwned(marketplace));
    }

    public static String previousOf(String field) {
        return field + PREVIOUS_SUFFIX;
    }

    /**
     * The credential form as the API validates and lists it: the secret nexus generates may be left empty (it is then
     * generated at creation, or kept on Edit Credentials), whatever the shared schema says.
     */
    public static CredentialSchema formSchema(Marketplace marketplace) {
        CredentialSchema schema = CredentialSchemas.of(marketplace);
        String managed = NEXUS_MANAGED.get(marketplace);
        if (managed == null) {
            return schema;
        }
        return new CredentialSchema(schema.marketplace(), schema.fields().stream()
                .map(f -> f.name().equals(managed) ? generated(f) : f).toList(),
                schema.accountIdField(), schema.crossFieldRules());
    }

    private static CredentialField generated(CredentialField f) {
        return new CredentialField(f.name(), f.label(), f.secret(), false, f.pattern(), f.allowedValues(), f.list(),
                "leave empty: nexus generates it, registers it with the marketplace and rotates it");
    }
}

package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.connectionservice.problem.ValidationException;
import io.nexusconnect.connectionservice.webhook.WebhookSecretFields;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.CredentialSchema;
import io.nexusconnect.contracts.connection.FieldViolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a whole create request at once, so the caller learns about every bad field in one answer. Credential field
 * errors are reported as {@code fields.<name>}, settings errors as {@code settings.<name>}.
 */
public final class ConnectionRequests {
    public static final int MAX_LABEL = 200;
    public static final int MAX_DESCRIPTION = 1000;

    private ConnectionRequests() {
    }

    /** @param intervalChosen false when the form left the sync interval to the tenant's default */
    public record Valid(Marketplace marketplace, CredentialSchema schema, String label, String description,
                        Map<String, String> fields, ConnectionSettings settings, boolean intervalChosen) {
        @Override
        public String toString() {
            return "Valid[" + marketplace + ", fields=" + fields.keySet() + "]";
        }
    }

    public static Valid validate(CreateConnectionRequest request) {
        if (request == null) {
            throw new ValidationException(List.of(new FieldViolation("body", "is required")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        Marketplace marketplace = null;
        if (request.marketplace() == null || request.marketplace().isBlank()) {
            violations.add(new FieldViolation("marketplace", "is required"));
        } else {
            marketplace = Marketplace.find(request.marketplace()).orElse(null);
            if (marketplace == null) {
                violations.add(new FieldViolation("marketplace", "must be one of "
                        + Arrays.stream(Marketplace.values()).map(Marketplace::id).collect(Collectors.joining(", "))));
            }
        }
        checkDetails(request.label(), request.description(), violations);
        Map<String, String> fields = request.fields() == null ? Map.of() : request.fields();
        CredentialSchema schema = marketplace == null ? null : WebhookSecretFields.formSchema(marketplace);
        if (schema != null) {
            schema.validate(fields).forEach(v -> violations.add(new FieldViolation("fields." + v.field(), v.message())));
        }
        ConnectionSettings settings = SettingsValidator.validate(request.settings(), "settings.", violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        boolean intervalChosen = request.settings() != null && request.settings().syncInterval() != null;
        return new Valid(marketplace, schema, request.label(), request.description(), fields, settings, intervalChosen);
    }

    /** Credentials alone, as Test Connection and Edit Credentials take them: every offending field at once. */
    public static Valid validateCredentials(String marketplaceId, Map<String, String> submitted) {
        return validate(new CreateConnectionRequest(marketplaceId, null, null, submitted, null));
    }

    public static void validateDetails(String label, String description) {
        List<FieldViolation> violations = new ArrayList<>();
        checkDetails(label, description, violations);
        if (label != null && label.isBlank()) {
            violations.add(new FieldViolation("label", "must not be blank"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static void checkDetails(String label, String description, List<FieldViolation> violations) {
        if (label != null && label.length() > MAX_LABEL) {
            violations.add(new FieldViolation("label", "must be at most " + MAX_LABEL + " characters"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            violations.add(new FieldViolation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
    }

    public static ConnectionSettings validateSettings(SettingsInput input) {
        List<FieldViolation> violations = new ArrayList<>();
        ConnectionSettings settings = SettingsValidator.validate(input, "", violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return settings;
    }
}

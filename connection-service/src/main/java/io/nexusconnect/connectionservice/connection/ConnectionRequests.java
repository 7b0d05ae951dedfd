package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.connectionservice.problem.ValidationException;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.CredentialSchema;
import io.nexusconnect.contracts.connection.CredentialSchemas;
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

    private ConnectionRequests() {
    }

    public record Valid(Marketplace marketplace, CredentialSchema schema, String label, Map<String, String> fields,
                        ConnectionSettings settings) {
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
        if (request.label() != null && request.label().length() > MAX_LABEL) {
            violations.add(new FieldViolation("label", "must be at most " + MAX_LABEL + " characters"));
        }
        Map<String, String> fields = request.fields() == null ? Map.of() : request.fields();
        CredentialSchema schema = marketplace == null ? null : CredentialSchemas.of(marketplace);
        if (schema != null) {
            schema.validate(fields).forEach(v -> violations.add(new FieldViolation("fields." + v.field(), v.message())));
        }
        ConnectionSettings settings = SettingsValidator.validate(request.settings(), "settings.", violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Valid(marketplace, schema, request.label(), fields, settings);
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

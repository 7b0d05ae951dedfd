package io.nexusconnect.contracts.connection;

import io.nexusconnect.contracts.Marketplace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fields one marketplace asks for, as the product pages list them, and the cross-field rules beyond a single
 * field (e.g. an Amazon marketplace id must belong to the chosen region).
 *
 * @param accountIdField the property that identifies the account on the marketplace (shown on the card)
 */
public record CredentialSchema(
        Marketplace marketplace,
        List<CredentialField> fields,
        String accountIdField,
        Function<Map<String, String>, List<FieldViolation>> crossFieldRules) {

    public Optional<CredentialField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Every problem with the submitted values; unknown field names are problems too. */
    public List<FieldViolation> validate(Map<String, String> values) {
        List<FieldViolation> violations = new ArrayList<>();
        for (String name : values.keySet()) {
            if (field(name).isEmpty()) {
                violations.add(new FieldViolation(name, "is not a field of a " + marketplace.displayName() + " connection"));
            }
        }
        for (CredentialField field : fields) {
            String problem = field.problemWith(values.get(field.name()));
            if (problem != null) {
                violations.add(new FieldViolation(field.name(), problem));
            }
        }
        if (violations.isEmpty() && crossFieldRules != null) {
            violations.addAll(crossFieldRules.apply(values));
        }
        return violations;
    }

    /** The secret fields of {@code values}, to be sealed. */
    public Map<String, String> secrets(Map<String, String> values) {
        return pick(values, true);
    }

    /** The non-secret fields of {@code values}, stored and published in clear. */
    public Map<String, String> properties(Map<String, String> values) {
        return pick(values, false);
    }

    private Map<String, String> pick(Map<String, String> values, boolean secret) {
        Map<String, String> picked = new LinkedHashMap<>();
        for (CredentialField field : fields) {
            String value = values.get(field.name());
            if (field.secret() == secret && value != null && !value.isBlank()) {
                picked.put(field.name(), value.trim());
            }
        }
        return picked;
    }
}

package io.nexusconnect.adapterkit.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Required fields of a marketplace answer, read for mapping: a missing or unreadable one is an
 * {@link IllegalArgumentException} naming it, which the adapter turns into a malformed-response error (or skips the
 * record with that reason). Amounts are read from JSON numbers, or exactly from numeric text.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** {@code node} as an exact decimal, a JSON number or numeric text; {@code what} names it in the error. */
    public static BigDecimal decimal(JsonNode node, String what) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number");
        }
    }

    /** The non-blank text of {@code node.field}; otherwise an error "{@code <what> has no <field>}". */
    public static String requiredText(JsonNode node, String field, String what) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " has no " + field);
        }
        return value;
    }
}

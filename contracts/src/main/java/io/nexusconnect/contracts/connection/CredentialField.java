package io.nexusconnect.contracts.connection;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One field a marketplace connection asks for. Secret fields are sealed and only ever shown masked; the others are
 * plain connection properties (region, marketplace ids, shop domain).
 *
 * @param pattern       a regular expression the whole value must match, or null
 * @param allowedValues the only values accepted, or empty for any; for a list field, every item must be one of them
 * @param list          a comma-separated list of values (e.g. several Amazon marketplace ids)
 */
public record CredentialField(
        String name,
        String label,
        boolean secret,
        boolean required,
        String pattern,
        List<String> allowedValues,
        boolean list,
        String hint) {

    public static CredentialField secret(String name, String label, String pattern, String hint) {
        return new CredentialField(name, label, true, true, pattern, List.of(), false, hint);
    }

    public static CredentialField property(String name, String label, String pattern, String hint) {
        return new CredentialField(name, label, false, true, pattern, List.of(), false, hint);
    }

    public static CredentialField choice(String name, String label, List<String> allowed, String hint) {
        return new CredentialField(name, label, false, true, null, List.copyOf(allowed), false, hint);
    }

    public CredentialField optional() {
        return new CredentialField(name, label, secret, false, pattern, allowedValues, list, hint);
    }

    public CredentialField asList() {
        return new CredentialField(name, label, secret, required, pattern, allowedValues, true, hint);
    }

    /** The problem with {@code value}, or null when it is acceptable. Never quotes a secret value. */
    public String problemWith(String value) {
        if (value == null || value.isBlank()) {
            return required ? label + " is required" : null;
        }
        List<String> items = list ? List.of(value.split(",")) : List.of(value);
        for (String raw : items) {
            String item = raw.trim();
            if (item.isEmpty()) {
                return label + " has an empty item";
            }
            if (!allowedValues.isEmpty() && !allowedValues.contains(item)) {
                return label + " must be one of " + String.join(", ", allowedValues)
                        + (secret ? "" : " (got '" + item + "')");
            }
            if (pattern != null && !Pattern.compile(pattern).matcher(item).matches()) {
                return label + " is malformed" + (hint == null ? "" : ": " + hint);
            }
        }
        return null;
    }
}

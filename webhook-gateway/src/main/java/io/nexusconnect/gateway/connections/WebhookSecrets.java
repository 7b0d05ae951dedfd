package io.nexusconnect.gateway.connections;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The opened credential fields one connection's webhooks are verified with, and nothing else of its credentials.
 * Never printed: {@link #toString()} names the fields only.
 */
public final class WebhookSecrets {
    public static final WebhookSecrets NONE = new WebhookSecrets(Map.of());
    private final Map<String, String> values;

    public WebhookSecrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The field's value, or null when the connection has none. */
    public String get(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The keys a delivery may be signed with, newest first. One today; a rotation adds the previous secret under
     * {@code <field>Previous} for its overlap window, and both verify.
     */
    public List<byte[]> keys(String field) {
        return java.util.stream.Stream.of(get(field), get(field + "Previous"))
                .filter(java.util.Objects::nonNull)
                .map(value -> value.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "WebhookSecrets" + new java.util.TreeSet<>(values.keySet());
    }
}

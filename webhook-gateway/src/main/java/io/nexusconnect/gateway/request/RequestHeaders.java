package io.nexusconnect.gateway.request;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A request's headers, looked up case-insensitively (HTTP header names are; frameworks spell them differently). */
public final class RequestHeaders {
    private final Map<String, String> byLowerName;

    private RequestHeaders(Map<String, String> byLowerName) {
        this.byLowerName = byLowerName;
    }

    public static RequestHeaders of(Map<String, String> headers) {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return new RequestHeaders(lower);
    }

    /** The header's value, or null when it is absent or blank. */
    public String get(String name) {
        String value = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The present ones of {@code names}, keyed by lower-case name: what a consumer of the event gets to see. */
    public Map<String, String> select(Iterable<String> names) {
        Map<String, String> selected = new TreeMap<>();
        for (String name : names) {
            String value = get(name);
            if (value != null) {
                selected.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        return selected;
    }
}

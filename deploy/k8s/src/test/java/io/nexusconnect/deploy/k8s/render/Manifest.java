package io.nexusconnect.deploy.k8s.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One rendered Kubernetes object, with path access for the checks. */
public record Manifest(Map<String, Object> body) {

    public String kind() {
        return string("kind").orElse("");
    }

    public String apiVersion() {
        return string("apiVersion").orElse("");
    }

    public String name() {
        return string("metadata.name").orElse("");
    }

    /** {@code Kind/name}, how problems name an object. */
    public String id() {
        return kind() + "/" + name();
    }

    public Map<String, String> labels() {
        return stringMap("metadata.labels");
    }

    /** The value at a dotted path of map keys, e.g. {@code spec.template.spec}. */
    public Optional<Object> get(String path) {
        return at(body, path);
    }

    public Optional<String> string(String path) {
        return get(path).map(String::valueOf);
    }

    public Map<String, Object> map(String path) {
        return get(path).map(Manifest::asMap).orElse(Map.of());
    }

    public List<Map<String, Object>> list(String path) {
        return get(path).map(Manifest::asList).orElse(List.of());
    }

    /** The list object itself at a path (of a {@link #copy()}, mutable), for changes made on purpose. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> liveList(String path) {
        return (List<Map<String, Object>>) get(path).orElseThrow(() -> new IllegalArgumentException(id() + " has no " + path));
    }

    public Map<String, String> stringMap(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        map(path).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    public static Optional<Object> at(Object root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return Optional.empty();
            }
            current = m.get(key);
        }
        return Optional.ofNullable(current);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> asList(Object value) {
        if (!(value instanceof List<?> l)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        l.forEach(item -> out.add(item instanceof Map<?, ?> ? (Map<String, Object>) item : Map.of()));
        return out;
    }

    /** A deep, mutable copy, for the tests that break one thing on purpose. */
    public Manifest copy() {
        return new Manifest(asMap(deepCopy(body)));
    }

    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(deepCopy(v)));
            return out;
        }
        return value;
    }
}

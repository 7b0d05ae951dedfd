package io.nexusconnect.contracts.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.EventType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says which changes between the released contract and the current one would break a subscriber that has not been
 * redeployed. Within one major version of an event: no field removed, no type changed, no optional field made
 * required, no enum value (or const) taken away. A released topic stays, unless a newer version of it replaces it.
 * A breaking change is made as a new major version of the event ({@code ...v2}), published on a new version of its
 * topics; the old major keeps its schema.
 */
final class SchemaCompatibility {
    private static final Pattern VERSIONED = Pattern.compile("^(.+)\\.v(\\d+)$");

    /** The published contract: JSON Schemas by {@code ce_type} and topic names. */
    record Catalog(Map<String, JsonNode> schemas, Set<String> topics) {
    }

    private SchemaCompatibility() {
    }

    static List<String> breakingChanges(Catalog released, Catalog current, Map<String, String> eventTopics) {
        List<String> problems = new ArrayList<>();
        released.schemas().forEach((type, schema) -> {
            JsonNode now = current.schemas().get(type);
            if (now != null) {
                compare(type, schema, schema, now, now, "", problems, new HashSet<>());
            } else if (!hasNewerMajor(type, current.schemas().keySet())) {
                problems.add(type + ": removed without a newer major version");
            }
        });
        for (String type : current.schemas().keySet()) {
            EventType event = EventType.parse(type);
            boolean olderReleased = released.schemas().keySet().stream().map(EventType::parse)
                    .anyMatch(old -> old.name().equals(event.name()) && old.major() < event.major());
            String prefix = eventTopics.get(event.name());
            if (olderReleased && prefix != null) {
                released.topics().stream().filter(topic -> base(topic).startsWith(prefix) || base(topic).equals(prefix))
                        .filter(topic -> !hasNewerVersion(topic, current.topics()))
                        .forEach(topic -> problems.add(type + ": a new major version needs a new version of " + topic));
            }
        }
        for (String topic : released.topics()) {
            if (!current.topics().contains(topic) && !hasNewerVersion(topic, current.topics())) {
                problems.add("topic " + topic + ": renamed or removed without a newer version");
            }
        }
        return problems;
    }

    private static boolean hasNewerMajor(String type, Set<String> current) {
        EventType released = EventType.parse(type);
        return current.stream().map(EventType::parse)
                .anyMatch(e -> e.name().equals(released.name()) && e.major() > released.major());
    }

    private static boolean hasNewerVersion(String topic, Set<String> current) {
        Matcher m = VERSIONED.matcher(topic);
        if (!m.matches()) {
            return false;
        }
        int version = Integer.parseInt(m.group(2));
        return current.stream().map(VERSIONED::matcher).filter(Matcher::matches)
                .anyMatch(c -> c.group(1).equals(m.group(1)) && Integer.parseInt(c.group(2)) > version);
    }

    private static String base(String topic) {
        Matcher m = VERSIONED.matcher(topic);
        return m.matches() ? m.group(1) : topic;
    }

    private static void compare(String type, JsonNode oldRoot, JsonNode oldNode, JsonNode newRoot, JsonNode newNode,
                                String path, List<String> problems, Set<String> visited) {
        if (!visited.add(path) || path.length() > 400) {
            return;
        }
        JsonNode was = resolve(oldRoot, oldNode);
        JsonNode is = resolve(newRoot, newNode);
        String where = type + (path.isEmpty() ? "" : " " + path);
        String child = path.isEmpty() ? "" : path + ".";
        if (was.has("type") && !was.get("type").equals(is.get("type"))) {
            problems.add(where + ": type changed from " + was.get("type") + " to " + is.get("type"));
        }
        if (was.has("const") && !was.get("const").equals(is.get("const"))) {
            problems.add(where + ": const changed from " + was.get("const") + " to " + is.get("const"));
        }
        Set<String> allowed = values(was.get("enum"));
        Set<String> stillAllowed = values(is.get("enum"));
        if (is.has("enum") && (!was.has("enum") || !stillAllowed.containsAll(allowed))) {
            Set<String> lost = new TreeSet<>(allowed);
            lost.removeAll(stillAllowed);
            problems.add(where + ": enum narrowed" + (lost.isEmpty() ? "" : ", " + lost + " no longer allowed"));
        }
        JsonNode oldProperties = was.path("properties");
        JsonNode newProperties = is.path("properties");
        oldProperties.fieldNames().forEachRemaining(name -> {
            if (!newProperties.has(name)) {
                problems.add(type + " " + child + name + ": removed");
            } else {
                compare(type, oldRoot, oldProperties.get(name), newRoot, newProperties.get(name), child + name, problems,
                        visited);
            }
        });
        Set<String> required = values(was.get("required"));
        for (String name : values(is.get("required"))) {
            if (!required.contains(name)) {
                problems.add(type + " " + child + name + ": made required");
            }
        }
        if (was.has("items") && is.has("items")) {
            compare(type, oldRoot, was.get("items"), newRoot, is.get("items"), path + "[]", problems, visited);
        }
        if (was.path("additionalProperties").isObject() && is.path("additionalProperties").isObject()) {
            compare(type, oldRoot, was.get("additionalProperties"), newRoot, is.get("additionalProperties"), child + "*",
                    problems, visited);
        }
    }

    /** Follows {@code {"$ref": "#/$defs/x"}} within the same document. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                break;
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}
